import type { Config } from '../config'
import type { Database } from './database'
import { connectPglite } from './connectPglite'
import { connectPostgres } from './connectPostgres'

/** The pool settings apply to PostgreSQL; the embedded database has one connection and no timers. */
export async function connectDatabase(
  database: Config['database'],
  pool?: Config['pool'],
): Promise<Database> {
  if (database.kind === 'postgres') return connectPostgres(database.url, pool)
  return connectPglite({ dataDir: database.dataDir })
}
