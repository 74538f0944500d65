import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadTemplate } from '../../server/surveys/templates'
import type { SurveyUnderTest } from '../bench/journey'
import { freePort, pause, startHeard, stopHeard, whenReady, type HeardServer } from './heardServer'
import { driveRespondents, type Sightings } from './respondents'
import { tally, type CaseResult } from './tally'
import { ThrowawayPostgres } from './throwawayPostgres'

export interface Settings {
  respondents: number
  /** Seconds of load before and after each fault. */
  seconds: number
}

type Place = { dataDir: string } | { url: string }
const envFor = (place: Place): Record<string, string> =>
  'url' in place ? { DATABASE_URL: place.url } : { DATA_DIR: place.dataDir }

function target(server: HeardServer): SurveyUnderTest {
  const questions = loadTemplate('what-i-need').definition.questions
  return { baseUrl: server.baseUrl, organisation: 'demo-council', survey: 'what-i-need', questions }
}

async function healthStatus(server: HeardServer): Promise<number | string> {
  try {
    return (await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) })).status
  } catch {
    return 'no answer'
  }
}

/** 500s always fail a case; a request cut without an answer fails every case but kill -9. */
function judge(sightings: Sightings, cutsAllowed: boolean): string[] {
  const failures: string[] = []
  const fiveHundreds = sightings.statuses.get('500') ?? 0
  const cuts = [...sightings.statuses].reduce(
    (sum, [seen, times]) => sum + (seen.startsWith('cut') ? times : 0),
    0,
  )
  if (fiveHundreds > 0) failures.push(`${fiveHundreds} pages answered 500`)
  if (cuts > 0 && !cutsAllowed) failures.push(`${cuts} requests were cut without an answer`)
  return failures
}

/** Starts Heard, loads it, does the fault, lets the load carry on, stops Heard and counts. */
async function underLoad(
  name: string,
  place: Place,
  settings: Settings & { cutsAllowed?: boolean },
  fault: (server: HeardServer, port: number) => Promise<{ server: HeardServer; failures: string[] }>,
): Promise<CaseResult> {
  const port = await freePort()
  let server = startHeard(port, envFor(place))
  try {
    await whenReady(server)
    const load = driveRespondents(target(server), settings.respondents)
    await pause(settings.seconds * 1000)
    const outcome = await fault(server, port)
    server = outcome.server
    await pause(settings.seconds * 1000)
    await load.finish()
    const code = await stopHeard(server)
    const result = await tally(name, place, load.sightings)
    result.failures.push(...outcome.failures, ...judge(load.sightings, settings.cutsAllowed ?? false))
    if (code !== 0)
      result.failures.push(
        `the server exited with ${code} on SIGTERM at the end; the end of its output:\n${server.output().slice(-3000)}`,
      )
    if (load.sightings.confirmed.length === 0) result.failures.push('no journey was confirmed')
    return result
  } finally {
    server.child.kill('SIGKILL')
  }
}

async function restarted(port: number, place: Place): Promise<HeardServer> {
  const server = startHeard(port, envFor(place))
  await whenReady(server)
  return server
}

/** kill -9 under load, then a restart on the same database: every confirmed response is there once. */
export const killNine = (place: Place, settings: Settings, label: string) =>
  underLoad(
    `kill -9 under load, ${label}`,
    place,
    { ...settings, cutsAllowed: true },
    async (server, port) => {
      server.child.kill('SIGKILL')
      await server.exited
      return { server: await restarted(port, place), failures: [] }
    },
  )

/** SIGTERM under load: requests in flight finish, nothing is cut, the process exits 0; then a new one serves. */
export const sigterm = (place: Place, settings: Settings, label: string) =>
  underLoad(`SIGTERM under load, ${label}`, place, settings, async (server, port) => {
    const started = Date.now()
    const code = await stopHeard(server)
    const failures = code === 0 ? [] : [`exited with ${code} after SIGTERM`]
    const drainSeconds = (Date.now() - started) / 1000
    const next = await restarted(port, place)
    return {
      server: next,
      failures: [...failures, ...(drainSeconds > 30 ? [`took ${drainSeconds} s to drain`] : [])],
    }
  })

/** PostgreSQL restarted under load: no 500s; the server reconnects by itself. */
export const postgresRestart = (postgres: ThrowawayPostgres, place: Place, settings: Settings) =>
  underLoad('PostgreSQL restarted under load', place, settings, (server) => {
    postgres.restart()
    return Promise.resolve({ server, failures: [] })
  })

/** PostgreSQL down for a while: /healthz says 503 meanwhile, and pages recover by themselves. */
export const postgresDown = (
  postgres: ThrowawayPostgres,
  place: Place,
  settings: Settings,
  downSeconds: number,
) =>
  underLoad(`PostgreSQL down for ${downSeconds} s`, place, settings, async (server) => {
    const failures: string[] = []
    postgres.stop()
    await pause(Math.min(5, downSeconds) * 1000)
    const during = await healthStatus(server)
    if (during !== 503) failures.push(`/healthz answered ${during} with the database down, not 503`)
    await pause(Math.max(0, downSeconds - 5) * 1000)
    postgres.start()
    const until = Date.now() + 30_000
    while ((await healthStatus(server)) !== 200) {
      if (Date.now() > until) {
        failures.push('/healthz did not recover within 30 s of the database starting')
        break
      }
      await pause(500)
    }
    return { server, failures }
  })

/**
 * The embedded database's disk fills under load: the server keeps running and answers with pages,
 * and once space is freed the journeys carry on. Needs root, for a small tmpfs.
 */
export async function diskFull(settings: Settings): Promise<CaseResult> {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-faults-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mount])
  const place = { dataDir: path.join(mount, 'data') }
  const filler = path.join(mount, 'filler')
  try {
    return await underLoad('the embedded database disk full', place, settings, async (server) => {
      const failures: string[] = []
      const { bavail, bsize } = fs.statfsSync(mount)
      execFileSync('fallocate', ['-l', String(bavail * bsize), filler])
      await pause(settings.seconds * 1000)
      const page = await fetch(`${server.baseUrl}/s/demo-council/what-i-need`).catch(() => undefined)
      if (server.child.exitCode !== null) failures.push('the server stopped when the disk was full')
      if (!page) failures.push('no page answered while the disk was full')
      fs.rmSync(filler)
      return { server, failures }
    })
  } finally {
    fs.rmSync(filler, { force: true })
    execFileSync('umount', ['-l', mount])
    fs.rmSync(mount, { recursive: true, force: true })
  }
}
