import { parseArgs } from 'node:util'
import { paths } from '../../server/paths'
import { loadTemplate } from '../../server/surveys/templates'
import { serveLocally, type LocalServer } from '../a11y/localServer'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { runBench, type BenchDatabase } from './benchDatabase'
import { begin, respondOnce, type SurveyUnderTest } from './journey'
import { Latencies } from './latency'
import { pageWeight } from './pageWeight'

/*
 * Submission benchmark: virtual respondents complete "What I need" against the real app on
 * 127.0.0.1, then the stored responses are checked against the references they were shown.
 * npm run bench:submit -- --respondents 20 --seconds 30   (PostgreSQL when DATABASE_URL is set)
 */
const maxLoopsPerRespondent = 10_000
const pageWeightTargetBytes = 40 * 1024

function options() {
  const { values } = parseArgs({
    options: { respondents: { type: 'string', default: '20' }, seconds: { type: 'string', default: '30' } },
  })
  const respondents = Number(values.respondents)
  const seconds = Number(values.seconds)
  if (!Number.isInteger(respondents) || respondents < 1 || respondents > 500)
    throw new Error('--respondents must be 1-500')
  if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds must be more than 0 and at most 600')
  return { respondents, seconds }
}

interface RunTotals {
  references: string[]
  errors: string[]
  elapsedSeconds: number
}

/** Each virtual respondent loops until time is up: a new respondent (new cookies) every journey. */
async function runRespondents(
  target: SurveyUnderTest,
  latencies: Latencies,
  settings: { respondents: number; seconds: number },
): Promise<RunTotals> {
  const totals: RunTotals = { references: [], errors: [], elapsedSeconds: 0 }
  const started = Date.now()
  const deadline = started + settings.seconds * 1000
  const loop = async () => {
    for (let i = 0; i < maxLoopsPerRespondent && Date.now() < deadline; i++) {
      try {
        totals.references.push(await respondOnce(target, latencies))
      } catch (error: unknown) {
        totals.errors.push(error instanceof Error ? error.message : String(error))
      }
    }
  }
  await Promise.all(Array.from({ length: settings.respondents }, loop))
  totals.elapsedSeconds = (Date.now() - started) / 1000
  return totals
}

async function printPageWeight(target: SurveyUnderTest, latencies: Latencies): Promise<void> {
  const respondent = await begin(target, latencies)
  const firstQuestion = target.questions[0]?.id ?? ''
  const items = await pageWeight(
    target.baseUrl,
    paths.respond.question(target.organisation, target.survey, firstQuestion),
    respondent.cookies.header,
  )
  const total = items.reduce((sum, item) => sum + item.bytes, 0)
  process.stdout.write('page weight over the wire (Accept-Encoding: gzip), first question of what-i-need:\n')
  for (const { path, bytes, encoding } of items)
    process.stdout.write(`  ${path.padEnd(52)} ${String(bytes).padStart(7)} B  ${encoding}\n`)
  const verdict = total < pageWeightTargetBytes ? 'under' : 'OVER'
  process.stdout.write(`  total ${(total / 1024).toFixed(1)} KB (${total} B), ${verdict} the 40 KB target\n`)
}

/** Every reference shown was stored exactly once, and nothing else was stored. */
async function checkStored(bench: BenchDatabase, references: string[]): Promise<boolean> {
  const stored = await bench.db.query<{ reference: string }>('SELECT reference FROM responses')
  const storedSet = new Set(stored.map(({ reference }) => reference))
  const distinct = new Set(references).size
  const allStored = references.every((reference) => storedSet.has(reference))
  const passed = stored.length === references.length && distinct === references.length && allStored
  process.stdout.write(
    `check: ${stored.length} responses stored, ${references.length} references received, ${distinct} distinct, ` +
      `${allStored ? 'all' : 'NOT all'} found in the database: ${passed ? 'PASS' : 'FAIL'}\n`,
  )
  return passed
}

async function bench(
  bench: BenchDatabase,
  settings: { respondents: number; seconds: number },
): Promise<boolean> {
  let server: LocalServer | undefined
  try {
    const organisation = await insertOrganisation(bench.db, 'bench-council')
    const { slug } = await insertSurvey(bench.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    server = await serveLocally(bench.db, 'production')
    const target = {
      baseUrl: server.baseUrl,
      organisation: organisation.slug,
      survey: slug,
      questions: loadTemplate('what-i-need').definition.questions,
    }
    process.stdout.write(
      `bench: ${bench.description}; ${settings.respondents} respondents for ${settings.seconds} s against ${server.baseUrl}\n`,
    )
    const latencies = new Latencies()
    const totals = await runRespondents(target, latencies, settings)
    const stored = await bench.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM responses')
    const count = stored[0]?.count ?? 0
    process.stdout.write(
      `completed submissions: ${totals.references.length} in ${totals.elapsedSeconds.toFixed(1)} s\n`,
    )
    process.stdout.write(`stored responses per second: ${(count / totals.elapsedSeconds).toFixed(2)}\n`)
    process.stdout.write(`latency in ms:\n${latencies.table()}\n`)
    process.stdout.write(`errors: ${totals.errors.length}\n`)
    for (const error of [...new Set(totals.errors)].slice(0, 10)) process.stdout.write(`  - ${error}\n`)
    const passed = await checkStored(bench, totals.references)
    await printPageWeight(target, new Latencies())
    return passed && totals.errors.length === 0
  } finally {
    await server?.close()
  }
}

const settings = options()
runBench((benchDatabase) => bench(benchDatabase, settings))
