import { randomBytes } from 'node:crypto'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { migrate } from '../../server/db/migrate'
import { adminQuery, testDatabaseUrl } from '../helpers/postgresServer'

export interface ScaleDatabase {
  url: string
  db: Database
  drop(): Promise<void>
}

/** A new, migrated database on the PostgreSQL server, for one run; dropped afterwards. */
export async function createScaleDatabase(serverUrl: string, prefix: string): Promise<ScaleDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  const url = testDatabaseUrl(serverUrl, name)
  const db = connectPostgres(url)
  const drop = async () => {
    await db.close().catch(() => undefined)
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
  try {
    await migrate(db)
  } catch (error) {
    await drop()
    throw error
  }
  return { url, db, drop }
}
