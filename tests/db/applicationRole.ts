import { randomBytes } from 'node:crypto'
import { bringSchemaUpToDate, grantApplicationRole } from '../../server/db/migrate'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { adminQuery, testDatabaseUrl } from '../helpers/postgresServer'
import { openTestDatabase } from '../helpers/testDatabase'

/**
 * A database reached as an application role: LOGIN, no DDL rights, not the tables' owner. On
 * PostgreSQL, a fresh empty database and a new role with its own connection; migrating runs the
 * start-up path with MIGRATION_DATABASE_URL set to the server's owner. On the embedded database,
 * whose one session belongs to a superuser, the migrated snapshot with the session switched to a
 * new role by SET ROLE.
 */
export interface ApplicationRoleDatabase {
  /** Connected as the application role. */
  db: Database
  role: string
  /** Migrates as the owner and grants the role what it needs, as `npm run migrate` does. */
  migrate(): Promise<void>
  drop(): Promise<void>
}

export async function openAsApplicationRole(): Promise<ApplicationRoleDatabase> {
  const suffix = randomBytes(6).toString('hex')
  const role = `heard_app_${suffix}`
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const database = await openTestDatabase()
    await database.db.exec(`CREATE ROLE ${role} NOLOGIN`)
    await grantApplicationRole(database.db, role)
    await database.db.exec(`SET ROLE ${role}`)
    return { db: database.db, role, migrate: () => Promise.resolve(), drop: () => database.drop() }
  }
  const name = `heard_test_${suffix}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  await adminQuery(serverUrl, `CREATE ROLE ${role} LOGIN`)
  const ownerUrl = testDatabaseUrl(serverUrl, name)
  const roleUrl = new URL(ownerUrl)
  roleUrl.username = role
  roleUrl.password = ''
  const db = connectPostgres(roleUrl.toString())
  return {
    db,
    role,
    async migrate() {
      await bringSchemaUpToDate(db, { migrationDatabaseUrl: ownerUrl })
    },
    async drop() {
      await db.close()
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await adminQuery(serverUrl, `DROP ROLE IF EXISTS ${role}`)
    },
  }
}
