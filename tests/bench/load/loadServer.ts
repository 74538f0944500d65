import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectPglite } from '../../../server/db/connectPglite'
import type { Database } from '../../../server/db/database'
import { migrate } from '../../../server/db/migrate'
import { insertOrganisation, insertSurvey } from '../../helpers/factories'
import { freePort } from '../../scale/freePort'
import { createScaleDatabase } from '../../scale/scaleDatabase'
import { startServer, type ServerProcess } from '../../scale/serverProcess'

export interface LoadTarget {
  server: ServerProcess
  organisation: string
  survey: string
  description: string
  countStored(): Promise<number>
  close(): Promise<void>
}

const profileArguments = (profileDir: string | undefined) =>
  profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []

async function seed(db: Database): Promise<{ organisation: string; survey: string }> {
  const organisation = await insertOrganisation(db, 'load-council')
  const { slug } = await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  return { organisation: organisation.slug, survey: slug }
}

const serverSettings = async () => ({
  PORT: String(await freePort()),
  NODE_ENV: 'production',
  DEMO: 'false',
  LOG_LEVEL: 'warn',
  WORKER: 'in-process',
  // Every virtual respondent comes from 127.0.0.1: limits per address would refuse them.
  RESPONSE_LIMITS: 'off',
})

/** The built server on a new PGlite folder, seeded by this process first (PGlite is one process at a time). */
async function onPglite(profileDir: string | undefined): Promise<LoadTarget> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-load-'))
  const dataDir = path.join(folder, 'pglite')
  const seeding = await connectPglite({ dataDir })
  await migrate(seeding)
  const names = await seed(seeding)
  await seeding.close()
  const server = await startServer(
    'server',
    {
      ...(await serverSettings()),
      DATA_DIR: dataDir,
      OUTBOX_DIR: path.join(folder, 'outbox'),
    },
    profileArguments(profileDir),
  )
  return {
    server,
    ...names,
    description: `PGlite on disk (${folder})`,
    // The server holds the folder: count through the server's own figures after it stops.
    countStored: async () => {
      await server.stop()
      const db = await connectPglite({ dataDir })
      const [row] = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM responses')
      await db.close()
      return row?.count ?? 0
    },
    async close() {
      await server.stop()
      fs.rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** The built server on a new database on the PostgreSQL server; dropped afterwards. */
async function onPostgres(serverUrl: string, profileDir: string | undefined): Promise<LoadTarget> {
  const database = await createScaleDatabase(serverUrl, 'heard_load')
  const names = await seed(database.db)
  const server = await startServer(
    'server',
    { ...(await serverSettings()), DATABASE_URL: database.url },
    profileArguments(profileDir),
  )
  return {
    server,
    ...names,
    description: `PostgreSQL (${new URL(database.url).host}${new URL(database.url).pathname})`,
    countStored: async () => {
      const [row] = await database.db.query<{ count: number }>(
        'SELECT count(*)::integer AS count FROM responses',
      )
      return row?.count ?? 0
    },
    async close() {
      await server.stop()
      await database.drop()
    },
  }
}

export const startLoadTarget = (
  database: 'pglite' | 'postgres',
  serverUrl: string,
  profileDir?: string,
): Promise<LoadTarget> => (database === 'pglite' ? onPglite(profileDir) : onPostgres(serverUrl, profileDir))
