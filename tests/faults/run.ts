import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { diskFull, killNine, postgresDown, postgresRestart, sigterm, type Settings } from './cases'
import { freePort } from './heardServer'
import { printResult, type CaseResult } from './tally'
import { ThrowawayPostgres } from './throwawayPostgres'

/*
 * Faults of the real server process, on loopback: kill -9, SIGTERM, PostgreSQL restarted or down,
 * a full disk. Each case prints confirmed, stored, lost and duplicated; any loss, duplicate, 500 or
 * cut request fails the run. Needs `npm run build` first (npm run test:faults does it).
 *   npm run test:faults               every case
 *   npm run test:faults -- --short    kill -9 on both databases, SIGTERM and a PostgreSQL restart (CI)
 */
const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    respondents: { type: 'string', default: '10' },
    seconds: { type: 'string' },
  },
})
const settings: Settings = {
  respondents: Number(values.respondents),
  seconds: Number(values.seconds ?? (values.short ? '4' : '8')),
}

const folders: string[] = []
const pgliteFolder = () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-faults-'))
  folders.push(folder)
  return { dataDir: path.join(folder, 'data') }
}

function databaseOn(postgres: ThrowawayPostgres): { url: string } {
  const name = `heard_faults_${Date.now()}`
  execFileSync('psql', [
    '-q',
    '-h',
    '127.0.0.1',
    '-p',
    String(postgres.port),
    '-U',
    'postgres',
    '-c',
    `CREATE DATABASE ${name}`,
  ])
  const url = new URL(postgres.url)
  url.pathname = `/${name}`
  return { url: url.toString() }
}

async function runCases(postgres: ThrowawayPostgres): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  const record = (result: CaseResult) => {
    printResult(result)
    results.push(result)
  }
  record(await killNine(pgliteFolder(), settings, 'embedded PGlite'))
  record(await killNine(databaseOn(postgres), settings, 'PostgreSQL'))
  record(await sigterm(pgliteFolder(), settings, 'embedded PGlite'))
  record(await postgresRestart(postgres, databaseOn(postgres), settings))
  if (values.short) return results
  record(await sigterm(databaseOn(postgres), settings, 'PostgreSQL'))
  record(await postgresDown(postgres, databaseOn(postgres), settings, 20))
  record(await diskFull(settings))
  return results
}

async function main(): Promise<number> {
  const postgres = new ThrowawayPostgres(await freePort())
  const tidy = () => {
    postgres.remove()
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true })
  }
  process.once('SIGINT', () => {
    tidy()
    process.exit(1)
  })
  try {
    postgres.start()
    const started = Date.now()
    const results = await runCases(postgres)
    const failed = results.filter((result) => !printResult({ ...result, notes: [] }))
    const totals = results.reduce((sum, result) => sum + result.confirmed, 0)
    process.stdout.write(
      `faults: ${results.length} cases, ${totals} confirmed journeys, ${failed.length} failed, ` +
        `${Math.round((Date.now() - started) / 1000)} s\n`,
    )
    return failed.length === 0 ? 0 : 1
  } finally {
    tidy()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `faults: could not finish: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
