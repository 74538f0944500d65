import { loadConfig } from '../../server/config'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { adminQuery } from '../helpers/postgresServer'
import { connectPglite } from '../../server/db/connectPglite'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { migrate } from '../../server/db/migrate'

export interface BenchDatabase {
  db: Database
  /** Which database, in words, for the report. */
  description: string
  drop(): Promise<void>
}

/** A new database on the PostgreSQL server DATABASE_URL names; dropped afterwards. */
async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `heard_bench_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = connectPostgres(url.toString())
  return {
    db,
    description: `PostgreSQL (${url.host}, database ${name})`,
    async drop() {
      await db.close()
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/** A new PGlite data directory on disk, as production uses by default; deleted afterwards. */
async function openPglite(): Promise<BenchDatabase> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-bench-'))
  const db = await connectPglite({ dataDir: path.join(folder, 'pglite') })
  return {
    db,
    description: `PGlite on disk (${folder})`,
    async drop() {
      await db.close()
      fs.rmSync(folder, { recursive: true, force: true })
    },
  }
}

/** PostgreSQL when a server URL is given, otherwise PGlite; migrated and empty. */
export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  const bench = serverUrl ? await openPostgres(serverUrl) : await openPglite()
  try {
    await migrate(bench.db)
  } catch (error) {
    await bench.drop()
    throw error
  }
  return bench
}

/** The message and its causes: fetch's own message is only "fetch failed". */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = 'code' in error && typeof error.code === 'string' ? ` [${error.code}]` : ''
  return `${error.message}${code}${error.cause === undefined ? '' : `; cause: ${describeError(error.cause)}`}`
}

/**
 * Runs a benchmark on a fresh database of the configured kind (PostgreSQL when DATABASE_URL is set),
 * drops it afterwards, and sets the exit code: 1 when the benchmark's own checks fail or it stops.
 */
export function runBench(work: (database: BenchDatabase) => Promise<boolean>): void {
  const { database } = loadConfig(process.env)
  const run = async () => {
    const benchDatabase = await openBenchDatabase(database.kind === 'postgres' ? database.url : undefined)
    try {
      return await work(benchDatabase)
    } finally {
      await benchDatabase.drop()
    }
  }
  run().then(
    (passed) => {
      process.exitCode = passed ? 0 : 1
    },
    (error: unknown) => {
      process.stderr.write(`bench: could not finish: ${describeError(error)}\n`)
      process.exitCode = 1
    },
  )
}
