import fs from 'node:fs'
import type { Config } from '../config'
import { fromRoot } from '../projectRoot'
import { jobNames } from '../jobs/jobNames'
import { installJobQueue, jobQueueSchema } from '../jobs/jobQueueQueries'
import { connectPostgres } from './connectPostgres'
import type { Database, Queryable } from './database'
import { scopedRole } from './organisationScope'

const migrationsFolder = fromRoot('server', 'db', 'migrations')
export const migrationFilePattern = /^(\d{4})_[a-z0-9_]+\.sql$/

// Any number will do as long as every Heard process uses the same one.
const migrationLockKey = 4_872_113

export function listMigrationFiles(): string[] {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a folder inside the project
  const names = fs.readdirSync(migrationsFolder)
  return names.filter((name) => name.endsWith('.sql')).sort()
}

/** Applies each numbered migration once, in order, each in its own transaction; then the job queue's tables. */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  )
  const applied: string[] = []
  for (const name of listMigrationFiles()) {
    if (!migrationFilePattern.test(name)) throw new Error(`Migration file name ${name} is not NNNN_words.sql`)
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a file listed from that folder
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
  // A tenant table made by any migration after 0010 comes under row-level security here.
  await db.query('SELECT heard_protect_tenant_tables()')
  await installJobQueue(db)
  if (db.kind === 'pglite') await createScopedRole(db)
  return applied
}

/** What migrate() would do: migration files not yet applied, and the job queue if it is missing or lacks a queue. */
export async function pendingMigrations(db: Queryable): Promise<string[]> {
  const [tables] = await db.query<{ migrations: boolean; jobs: boolean }>(
    `SELECT to_regclass('public.schema_migrations') IS NOT NULL AS migrations,
            to_regclass($1) IS NOT NULL AS jobs`,
    [`${jobQueueSchema}.queue`],
  )
  const applied = tables?.migrations
    ? (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name)
    : []
  const pending = listMigrationFiles().filter((name) => !applied.includes(name))
  const queues = tables?.jobs
    ? (await db.query<{ name: string }>(`SELECT name FROM ${jobQueueSchema}.queue`)).map((row) => row.name)
    : []
  if (jobNames.some((name) => !queues.includes(name))) pending.push('job queue')
  return pending
}

const quoteRole = (role: string) => `"${role.replaceAll('"', '""')}"`

/**
 * What the application role needs and no more: reading and writing rows in Heard's tables and the
 * job queue's, and no DDL. The audit log is append-only for it, and the migration record read-only.
 * Run by the role that owns the schema, after every migration, so new tables are covered too.
 */
export async function grantApplicationRole(db: Database, role: string): Promise<void> {
  const grantee = quoteRole(role)
  await db.exec(`
    GRANT USAGE ON SCHEMA public, ${jobQueueSchema} TO ${grantee};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, ${jobQueueSchema} TO ${grantee};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, ${jobQueueSchema} TO ${grantee};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${jobQueueSchema} TO ${grantee};
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${grantee};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${grantee};
  `)
}

/** The embedded database's role for scoped transactions (organisationScope.ts): no superuser, so policies bind it. */
async function createScopedRole(db: Database): Promise<void> {
  await db.exec(
    `DO $$ BEGIN CREATE ROLE ${scopedRole} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  )
  await grantApplicationRole(db, scopedRole)
}

async function currentRole(db: Queryable): Promise<string> {
  const [row] = await db.query<{ role: string }>('SELECT current_user AS role')
  if (!row) throw new Error('The database did not say which role is connected')
  return row.role
}

/**
 * One connection, and no statement timeout: rewriting a large table may take longer than any page
 * should. Waiting for a lock is still bounded, so a migration queued behind busy servers fails and
 * can be run again rather than stall every request queued behind it.
 */
export const migrationPool = { size: 1, statementTimeoutMs: 0, lockTimeoutMs: 10_000 }

/** Migrates through a second connection as a role that may change the schema, and grants the application's role. */
async function migrateAs(migrationUrl: string, applicationDb: Database): Promise<string[]> {
  const migrator = connectPostgres(migrationUrl, migrationPool)
  try {
    const applied = await migrate(migrator)
    const role = await currentRole(applicationDb)
    if (role !== (await currentRole(migrator))) await grantApplicationRole(migrator, role)
    return applied
  } finally {
    await migrator.close()
  }
}

const insufficientPrivilege = '42501'

/**
 * At start: the embedded database always migrates itself. On PostgreSQL, MIGRATION_DATABASE_URL
 * migrates through its own connection; without it, a schema already up to date needs no DDL at all,
 * and one that is not is migrated with the application's own connection if its role may, or start-up
 * stops saying to run `npm run migrate`.
 */
export async function bringSchemaUpToDate(
  db: Database,
  config: Pick<Config, 'migrationDatabaseUrl'>,
): Promise<string[]> {
  if (db.kind === 'pglite') return migrate(db)
  if (config.migrationDatabaseUrl) return migrateAs(config.migrationDatabaseUrl, db)
  const pending = await pendingMigrations(db)
  if (pending.length === 0) return []
  try {
    return await migrate(db)
  } catch (error) {
    if ((error as { code?: unknown }).code !== insufficientPrivilege) throw error
    throw new Error(
      `The database schema is not up to date (waiting: ${pending.join(', ')}) and the role in DATABASE_URL ` +
        'may not change it. Run `npm run migrate` with MIGRATION_DATABASE_URL set to a role that owns the ' +
        'schema, or start Heard with MIGRATION_DATABASE_URL set.',
    )
  }
}
