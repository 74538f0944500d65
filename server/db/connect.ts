import type { Config } from '../config'
import type { Database } from './database'
import { connectPglite } from './connectPglite'
import { connectPostgres } from './connectPostgres'

export async function connectDatabase(database: Config['database']): Promise<Database> {
  if (database.kind === 'postgres') return connectPostgres(database.url)
  return connectPglite({ dataDir: database.dataDir })
}
