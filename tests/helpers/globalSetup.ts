import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectPglite, dumpPglite } from '../../server/db/connectPglite'
import { migrate } from '../../server/db/migrate'
import { connectPostgres } from '../../server/db/connectPostgres'
import { adminQuery, templateDatabaseName, testDatabaseUrl } from './postgresServer'

/**
 * Migrates once for the whole run: a PGlite snapshot each test file starts from, or a PostgreSQL
 * template database each test file copies.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Europe/London'
  process.env.HEARD_TEST_RUN = String(process.pid)
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const template = templateDatabaseName()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    await adminQuery(serverUrl, `CREATE DATABASE ${template}`)
    const db = connectPostgres(testDatabaseUrl(serverUrl, template), 1)
    await migrate(db)
    await db.close()
    return
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-test-'))
  const dataDir = path.join(folder, 'pglite')
  const db = await connectPglite({ dataDir })
  await migrate(db)
  await db.close()
  const snapshot = await dumpPglite(dataDir)
  const snapshotFile = path.join(folder, 'migrated.tar')
  fs.writeFileSync(snapshotFile, Buffer.from(await snapshot.arrayBuffer()))
  process.env.HEARD_TEST_SNAPSHOT = snapshotFile
  process.env.HEARD_TEST_FOLDER = folder
}
