import fs from 'node:fs'
import { fromRoot } from '../projectRoot'
import { installJobQueue } from '../jobs/jobQueueQueries'
import type { Database } from './database'

const migrationsFolder = fromRoot('server', 'db', 'migrations')
export const migrationFilePattern = /^(\d{4})_[a-z0-9_]+\.sql$/

// Any number will do as long as every Heard process uses the same one.
const migrationLockKey = 4_872_113

export function listMigrationFiles(): string[] {
  return fs
    .readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort()
}

/** Applies each numbered migration once, in order, each in its own transaction; then the job queue's tables. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const applied: string[] = []
  for (const name of listMigrationFiles()) {
    if (!migrationFilePattern.test(name)) throw new Error(`Migration file name ${name} is not NNNN_words.sql`)
    const sql = fs.readFileSync(`${migrationsFolder}/${name}`, 'utf8')
    const ran = await db.transaction(async (tx) => {
      // Two servers starting together on one PostgreSQL must not both apply a migration.
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey])
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name])
      if (done.length > 0) return false
      await tx.exec(sql)
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name])
      return true
    })
    if (ran) applied.push(name)
  }
  await installJobQueue(db)
  return applied
}
