import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectPglite } from '../../server/db/connectPglite'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { adminQuery, templateDatabaseName, testDatabaseUrl } from '../helpers/postgresServer'

/**
 * A migrated database a command run as a child process can open through its settings: a copy of the
 * test template on the PostgreSQL server when DATABASE_URL is set, otherwise an embedded data folder
 * from the jest snapshot. The embedded one allows one process at a time, so the test opens it only
 * between commands (`use`), as an admin stops the server before running one.
 */
export interface CommandLineDatabase {
  /** The settings a child process gets to find this database. */
  env: NodeJS.ProcessEnv
  use<T>(work: (db: Database) => Promise<T>): Promise<T>
  drop(): Promise<void>
}

async function embedded(): Promise<CommandLineDatabase> {
  const snapshotFile = process.env.HEARD_TEST_SNAPSHOT
  if (!snapshotFile) throw new Error('The jest global setup did not run')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-cli-'))
  const first = await connectPglite({ dataDir, loadDataDir: new Blob([fs.readFileSync(snapshotFile)]) })
  await first.close()
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir }
  delete env.DATABASE_URL
  return {
    env,
    async use(work) {
      const db = await connectPglite({ dataDir })
      try {
        return await work(db)
      } finally {
        await db.close()
      }
    },
    drop: () => fs.promises.rm(dataDir, { recursive: true, force: true }),
  }
}

async function onServer(serverUrl: string): Promise<CommandLineDatabase> {
  const name = `heard_test_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`)
  const url = testDatabaseUrl(serverUrl, name)
  const db = connectPostgres(url)
  return {
    env: { ...process.env, DATABASE_URL: url },
    use: (work) => work(db),
    async drop() {
      await db.close()
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

export const openCommandLineDatabase = (): Promise<CommandLineDatabase> => {
  const serverUrl = process.env.DATABASE_URL
  return serverUrl ? onServer(serverUrl) : embedded()
}
