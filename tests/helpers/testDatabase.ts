import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectPglite } from '../../server/db/connectPglite'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { stopEverythingBeforeDrop } from './beforeDrop'
import { adminQuery, templateDatabaseName, testDatabaseUrl } from './postgresServer'

export interface TestDatabase {
  db: Database
  /** Closes the connection and opens a new one to the same data, as a restarted server does. */
  restart(): Promise<Database>
  drop(): Promise<void>
}

function snapshot(): Blob {
  const snapshotFile = process.env.HEARD_TEST_SNAPSHOT
  if (!snapshotFile) throw new Error('The jest global setup did not run')
  return new Blob([fs.readFileSync(snapshotFile)])
}

async function openPglite(onDisk: boolean): Promise<TestDatabase> {
  if (!onDisk) {
    const db = await connectPglite({ loadDataDir: snapshot() })
    return {
      db,
      restart: () => Promise.reject(new Error('In-memory databases cannot restart')),
      drop: () => db.close(),
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-pglite-'))
  const handle: TestDatabase = {
    db: await connectPglite({ dataDir, loadDataDir: snapshot() }),
    async restart() {
      await handle.db.close()
      handle.db = await connectPglite({ dataDir })
      return handle.db
    },
    async drop() {
      await handle.db.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return handle
}

/**
 * A fresh, migrated database for one test file: PGlite from the global snapshot (in memory, or on
 * disk when a test restarts it), or a copy of the template database on the PostgreSQL server.
 */
export async function openTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) return openPglite(options.onDisk ?? false)
  const name = `heard_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`)
  const url = testDatabaseUrl(serverUrl, name)
  const handle: TestDatabase = {
    db: connectPostgres(url),
    async restart() {
      await handle.db.close()
      handle.db = connectPostgres(url)
      return handle.db
    },
    async drop() {
      await handle.db.close()
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
  return handle
}

/**
 * For a test file: openTestDatabase in beforeAll and its drop in afterAll. What it returns stands
 * for the database opened, so a test reads `database.db` as it would with its own `let`.
 */
export function useTestDatabase(options: { onDisk?: boolean } = {}): TestDatabase {
  let opened: TestDatabase | undefined
  const current = () => {
    if (!opened) throw new Error('The test database opens in beforeAll')
    return opened
  }
  beforeAll(async () => {
    opened = await openTestDatabase(options)
  })
  afterAll(async () => {
    await stopEverythingBeforeDrop()
    await current().drop()
  })
  return {
    get db() {
      return current().db
    },
    restart: () => current().restart(),
    drop: () => current().drop(),
  }
}
