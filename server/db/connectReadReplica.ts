import type { Config } from '../config'
import { connectPostgres } from './connectPostgres'
import type { Database } from './database'

/**
 * The database that public scorecard pages and export queries read from: a streaming replica
 * when DATABASE_READ_URL is set, otherwise undefined, and the primary serves those reads too.
 * Nothing is ever written through it; audit rows of downloads go to the primary.
 */
export function connectReadReplica(
  config: Pick<Config, 'database' | 'readDatabaseUrl' | 'pool'>,
): Database | undefined {
  if (!config.readDatabaseUrl) return undefined
  // An embedded database has no replicas: a read URL beside it would split data between two stores.
  if (config.database.kind !== 'postgres')
    throw new Error('DATABASE_READ_URL needs DATABASE_URL: the embedded database has no replicas')
  return connectPostgres(config.readDatabaseUrl, config.pool)
}
