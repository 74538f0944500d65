import fs from 'node:fs'
import pg from 'pg'
import { templateDatabaseName } from './databaseNames'

export default async function globalTeardown(): Promise<void> {
  const folder = process.env.HEARD_TEST_FOLDER
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName()} WITH (FORCE)`)
    await admin.end()
  }
}
