import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { connectPglite, dumpPglite } from '../../server/db/connectPglite'
import { migrate } from '../../server/db/migrate'
import { connectPostgres } from '../../server/db/connectPostgres'
import { templateDatabaseName, testDatabaseUrl } from './databaseNames'

/**
 * Migrates once for the whole run: a PGlite snapshot each test file starts from, or a PostgreSQL
 * template database each test file copies.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'Europe/London'
  process.env.HEARD_TEST_RUN = String(process.pid)
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    const template = templateDatabaseName()
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${template}`)
    await admin.end()
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
