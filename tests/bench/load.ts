import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { loadTemplate } from '../../server/surveys/templates'
import { residentMegabytes } from '../scale/serverProcess'
import type { SurveyUnderTest } from './journey'
import { startLoadTarget } from './load/loadServer'
import { respondThinking } from './load/thinkingJourney'
import { LoadLatencies } from './load/loadLatencies'

/*
 * Load benchmark: the built server (node dist/server/main.js) in its own process, and this process
 * driving whole respondent journeys over keep-alive HTTP (Node's fetch keeps connections open), each
 * virtual respondent starting a new journey as soon as one ends. Targets, at the default pool size:
 * 0 errors, p95 <= 300 ms for every kind of page, and flat server memory.
 *
 *   npm run bench:load -- --respondents 50 --seconds 300 --database pglite|postgres [--think-ms 0]
 *     [--profile DIR]
 *
 * --think-ms pauses before each request (a person reading); the default 0 is the worst case, every
 * respondent asking again at once. --warm-up-seconds (default 15): requests in the first seconds,
 * while a just-started server compiles its code and fills its pool, are answered but not counted.
 * --profile writes the server's CPU profile (.cpuprofile) to DIR.
 */
function options() {
  const { values } = parseArgs({
    options: {
      respondents: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '300' },
      database: { type: 'string', default: 'pglite' },
      'think-ms': { type: 'string', default: '0' },
      'warm-up-seconds': { type: 'string', default: '15' },
      profile: { type: 'string' },
    },
  })
  const respondents = Number(values.respondents)
  const seconds = Number(values.seconds)
  const database = values.database
  if (!Number.isInteger(respondents) || respondents < 1 || respondents > 500)
    throw new Error('--respondents must be 1-500')
  if (!(seconds > 0 && seconds <= 3600)) throw new Error('--seconds must be more than 0 and at most 3600')
  if (database !== 'pglite' && database !== 'postgres')
    throw new Error('--database must be pglite or postgres')
  const thinkMs = Number(values['think-ms'])
  if (!(thinkMs >= 0 && thinkMs <= 60_000)) throw new Error('--think-ms must be 0-60000')
  const warmUpSeconds = Number(values['warm-up-seconds'])
  if (!(warmUpSeconds >= 0 && warmUpSeconds < seconds))
    throw new Error('--warm-up-seconds must be 0 or more and less than --seconds')
  return { respondents, seconds, database, thinkMs, warmUpSeconds, profile: values.profile } as const
}

const p95TargetMs = 300
// RSS saws up and down with garbage collection; frequent samples make the medians below steady.
const memorySampleMs = 2_000
// Memory is flat when the last fifth of the run sits within this of the second fifth (after warming up).
const memoryGrowthAllowed = 0.15

/**
 * The median RSS of the samples between two fractions of the run. Memory rises and falls with
 * garbage collection, so single samples would judge the sawtooth rather than the trend.
 */
function medianBetween(samples: { second: number; megabytes: number }[], from: number, to: number): number {
  const lastSecond = samples.at(-1)?.second ?? 0
  const chosen = samples
    .filter((sample) => sample.second >= from * lastSecond && sample.second <= to * lastSecond)
    .map((sample) => sample.megabytes)
    .sort((a, b) => a - b)
  return chosen[Math.floor(chosen.length / 2)] ?? Number.NaN
}

async function main(): Promise<boolean> {
  const settings = options()
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const target = await startLoadTarget(settings.database, serverUrl, settings.profile)
  try {
    const survey: SurveyUnderTest = {
      baseUrl: target.server.baseUrl,
      organisation: target.organisation,
      survey: target.survey,
      questions: loadTemplate('what-i-need').definition.questions,
    }
    const rss = () => residentMegabytes(target.server.pid)
    process.stdout.write(
      `load: ${target.description}; ${settings.respondents} respondents (thinking ${settings.thinkMs} ms a page) for ${settings.seconds} s against ${survey.baseUrl}\n`,
    )
    const started = performance.now()
    const latencies = new LoadLatencies(started + settings.warmUpSeconds * 1000)
    const errors: string[] = []
    const samples: { second: number; megabytes: number }[] = [{ second: 0, megabytes: rss() }]
    const deadline = started + settings.seconds * 1000
    const sampler = setInterval(() => {
      samples.push({ second: Math.round((performance.now() - started) / 1000), megabytes: rss() })
    }, memorySampleMs)
    let completed = 0
    const respondent = async () => {
      while (performance.now() < deadline) {
        try {
          await respondThinking(survey, latencies, settings.thinkMs)
          completed += 1
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error))
        }
      }
    }
    await Promise.all(Array.from({ length: settings.respondents }, respondent))
    clearInterval(sampler)
    const elapsed = (performance.now() - started) / 1000
    samples.push({ second: Math.round(elapsed), megabytes: rss() })
    const stored = await target.countStored()

    const end = samples.at(-1)
    const settled = medianBetween(samples, 0.2, 0.4)
    const last = medianBetween(samples, 0.8, 1)
    const growth = (last - settled) / settled
    const slow = latencies.p95ByKind().filter(([, p95]) => p95 > p95TargetMs)
    const lines = [
      `complete journeys: ${completed} in ${elapsed.toFixed(1)} s (${(completed / elapsed).toFixed(2)} a second); ${stored} responses stored`,
      `complete responses (pages and posts) per second: ${(latencies.count() / (elapsed - settings.warmUpSeconds)).toFixed(1)} (after ${settings.warmUpSeconds} s of warming up, whose ${latencies.warmUpRequests} requests are not counted)`,
      `latency in ms:\n${latencies.table()}`,
      `errors: ${errors.length}`,
      ...[...new Set(errors)].slice(0, 10).map((error) => `  - ${error}`),
      `server memory (RSS) at start: ${samples[0]?.megabytes.toFixed(1) ?? '?'} MB, at end: ${end?.megabytes.toFixed(1) ?? '?'} MB; median of the second fifth ${settled.toFixed(1)} MB, of the last fifth ${last.toFixed(1)} MB`,
      `memory samples (s: MB): ${samples
        .filter((_, index) => index % 5 === 0 || index === samples.length - 1)
        .map((sample) => `${sample.second}: ${sample.megabytes.toFixed(0)}`)
        .join(', ')}`,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    const verdicts: [string, boolean][] = [
      ['no errors', errors.length === 0],
      [
        `p95 <= ${p95TargetMs} ms for every kind of request${slow.length ? ` (missed: ${slow.map(([kind, p95]) => `${kind} ${p95.toFixed(0)} ms`).join(', ')})` : ''}`,
        slow.length === 0,
      ],
      [
        `flat memory (the last fifth's median is ${(growth * 100).toFixed(1)}% above the second fifth's; allowed ${memoryGrowthAllowed * 100}%)`,
        growth <= memoryGrowthAllowed,
      ],
      [`every completed journey stored (${stored} stored, ${completed} completed)`, stored >= completed],
    ]
    for (const [name, passed] of verdicts) process.stdout.write(`${passed ? 'PASS' : 'FAIL'} ${name}\n`)
    return verdicts.every(([, passed]) => passed)
  } finally {
    await target.close()
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(
      `bench:load could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
