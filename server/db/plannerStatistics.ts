import type { Database } from './database'

/**
 * PostgreSQL's autovacuum keeps planner statistics fresh; the embedded database has none, and
 * without statistics it picks slow plans for large tables (exports, results).
 */
export async function refreshEmbeddedStatistics(db: Database): Promise<void> {
  if (db.kind === 'pglite') await db.exec('ANALYZE')
}
