import fs from 'node:fs'
import { adminQuery, templateDatabaseName } from './postgresServer'

export default async function globalTeardown(): Promise<void> {
  const folder = process.env.HEARD_TEST_FOLDER
  if (folder) fs.rmSync(folder, { recursive: true, force: true })
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${templateDatabaseName()} WITH (FORCE)`)
  }
}
