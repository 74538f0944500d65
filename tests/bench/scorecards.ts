import { escapeXML } from 'ejs'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import { paths } from '../../server/paths'
import { startFrameworkFromTemplate } from '../../server/scorecards/store/frameworkTemplate'
import { listIndicators } from '../../server/scorecards/store/indicatorQueries'
import { listOutcomes } from '../../server/scorecards/store/outcomeQueries'
import { chosenPeriod, publishablePeriods } from '../../server/scorecards/model/scorecardPeriods'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { requestScorecardRun, workScorecardRun } from '../../server/scorecards/store/scorecardRuns'
import type { Database } from '../../server/db/database'
import { createLogger } from '../../server/logger'
import { loadPublicPage } from './scorecards/publicLoad'
import { serveLocally, type LocalServer } from '../a11y/localServer'
import { countRows, insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { openBenchDatabase, runBench, type BenchDatabase } from './benchDatabase'
import { generateResponses } from './results/generateResponses'
import { OfficerBrowser, type Fetched } from './results/officerBrowser'
import { bytesText, grouped, minAndMedian, seconds } from './results/report'
import { addEhcpResponses } from './scorecards/ehcpResponses'
import { pageText } from './scorecards/pageText'
import {
  millisecondsByKind,
  statementText,
  ownTimes,
  timedDatabase,
  type TimedStatement,
} from './scorecards/timedDatabase'

/*
 * Scorecards benchmark: 1,000,000 responses to "What I need" over the last year (and one in sixteen
 * of them answered again as parents' and carers' EHCP responses), the outcomes framework started
 * from the I need template, then how long recalculating every indicator's figures takes and how
 * long an outcome's scorecard, the summary and the PDF take through the real app on 127.0.0.1,
 * signed in as an analyst. It prints numbers and asserts no timings, only that the pages are right.
 * npm run bench:scorecards                          (1,000,000 responses)
 * BENCH_RESPONSES=100000 npm run bench:scorecards   (a quicker look)
 * PGlite on disk always; PostgreSQL as well when DATABASE_URL is set.
 */
const recomputeRuns = 3
const pageRuns = 5
const outcomeSlug = 'listened-to'

/** BENCH_RESPONSES, such as 100000 or 100_000; 1,000,000 by default. */
function responsesWanted(): number {
  const asked = process.env.BENCH_RESPONSES?.replaceAll(/[,_]/g, '') ?? '1000000'
  const size = Number(asked)
  if (!/^\d+$/.test(asked) || size < 1 || size > 10_000_000)
    throw new Error('BENCH_RESPONSES must be a whole number from 1 to 10,000,000')
  return size
}

/**
 * PGlite runs in this thread and its long statements hold up the event loop, timers included: a
 * short pause before each request lets overdue keep-alive timers fire first, so neither side closes
 * as idle the connection the next request is about to use.
 */
const settle = () => sleep(100)

const write = (line: string) => process.stdout.write(`${line}\n`)

const milliseconds = (value: number) => `${value.toFixed(0)} ms`

const databaseName = (bench: BenchDatabase) => (bench.db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL')

interface Page {
  name: string
  path: string
  /** Throws when the page is not what an officer should see. */
  check(text: string): void
}

/** The timed requests of one page: every run, then median and max. */
async function measurePage(
  browser: OfficerBrowser,
  statements: { take(): TimedStatement[] },
  page: Page,
): Promise<{ median: number; max: number; bytes: number }> {
  write(`  ${page.name} (GET ${page.path})`)
  await settle()
  const checked = await pageText(browser, page.path)
  if (checked.status !== 200)
    throw new Error(`${page.name}: GET ${page.path} gave ${checked.status}, expected 200`)
  page.check(checked.text)
  const runs: Fetched[] = []
  for (let run = 1; run <= pageRuns; run++) {
    await settle()
    statements.take()
    const fetched = await browser.get(page.path)
    const sent = statements.take()
    if (fetched.status !== 200)
      throw new Error(`${page.name}: run ${run} gave ${fetched.status}, expected 200`)
    const owned = ownTimes(sent)
    const waiting = owned.reduce((sum, { own }) => sum + own, 0)
    const longest = owned.reduce<(typeof owned)[number] | undefined>(
      (most, each) => (!most || each.own > most.own ? each : most),
      undefined,
    )
    const longestText = longest
      ? `, longest ${milliseconds(longest.own)}: ${statementText(longest.statement.sql)}`
      : ''
    write(
      `    run ${run}: ${milliseconds(fetched.milliseconds)}, ${bytesText(fetched.bytes)}, ` +
        `content-encoding ${fetched.contentEncoding}; database ${milliseconds(waiting)} ` +
        `over ${sent.length} statements${longestText}`,
    )
    runs.push(fetched)
  }
  const times = runs.map((run) => run.milliseconds)
  const { median } = minAndMedian(times)
  const max = Math.max(...times)
  const bytes = runs.at(-1)?.bytes ?? 0
  write(
    `    => median ${milliseconds(median)}, max ${milliseconds(max)} (${pageRuns} runs); page ${bytesText(bytes)}`,
  )
  return { median, max, bytes }
}

/** An HTML page that names the outcome and shows figures that have been calculated. */
const htmlPage = (name: string, path: string, statement: string, t: Translate): Page => ({
  name,
  path,
  check(text) {
    if (!text.includes(escapeXML(statement))) throw new Error(`${name} does not say "${statement}"`)
    if (text.includes(escapeXML(t('pages.scorecards.neverComputed'))))
      throw new Error(`${name} says the figures have never been calculated`)
  },
})

async function bench(bench: BenchDatabase, size: number): Promise<string> {
  const name = databaseName(bench)
  write('')
  write(`== ${name}: ${bench.description} ==`)
  const statements = timedDatabase(bench.db)
  const db = statements.db
  let server: LocalServer | undefined
  try {
    const organisation = await insertOrganisation(bench.db, 'bench-council')
    const whatINeed = await insertSurvey(bench.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const ehcp = await insertSurvey(bench.db, {
      organisationId: organisation.id,
      template: 'ehcp-experience',
    })
    const slugOfSurvey = new Map([
      [whatINeed.surveyId, whatINeed.slug],
      [ehcp.surveyId, ehcp.slug],
    ])

    const generating = performance.now()
    await generateResponses(
      bench.db,
      { organisationId: organisation.id, surveyId: whatINeed.surveyId, yearEnding: new Date() },
      { from: 1, to: size },
    )
    const ehcpAdded = await addEhcpResponses(bench.db, {
      organisationId: organisation.id,
      whatINeedId: whatINeed.surveyId,
      ehcpId: ehcp.surveyId,
    })
    write(
      `  generated ${grouped(size)} responses to ${whatINeed.slug} and ${grouped(ehcpAdded)} to ${ehcp.slug} ` +
        `over the last 12 months in ${seconds(performance.now() - generating)}`,
    )
    // PostgreSQL's autovacuum would analyse the table soon after such a load; PGlite has none.
    const analysing = performance.now()
    await bench.db.query('ANALYZE responses')
    const stored = await countRows(bench.db, 'responses')
    write(`  ANALYZE responses ${seconds(performance.now() - analysing)}; ${grouped(stored)} stored`)
    if (stored !== size + ehcpAdded)
      throw new Error(`expected ${size + ehcpAdded} responses, found ${stored}`)

    const t = (await createTranslator())('en')
    await startFrameworkFromTemplate(bench.db, {
      organisationId: organisation.id,
      frameworkId: 'i-need',
      t,
      language: 'en',
    })
    const outcomes = await listOutcomes(bench.db, organisation.id)
    const indicators = await listIndicators(bench.db, organisation.id)
    const perSurvey = [...slugOfSurvey].map(
      ([surveyId, slug]) => `${indicators.filter((each) => each.survey?.id === surveyId).length} on ${slug}`,
    )
    const headlines = indicators.filter((each) => each.outcomeId === null).length
    write(
      `  framework from the i-need template: ${outcomes.length} outcomes, ${indicators.length} indicators ` +
        `(${perSurvey.join(', ')}; ${headlines} overall headline)`,
    )
    const outcome = outcomes.find((each) => each.slug === outcomeSlug)
    if (!outcome) throw new Error(`the template made no "${outcomeSlug}" outcome`)
    if (headlines === 0) throw new Error('the template made no overall headline indicator')

    write(`  recompute facts (recomputeFacts for the organisation)`)
    const recomputeTimes: number[] = []
    let facts: number | undefined
    for (let run = 1; run <= recomputeRuns; run++) {
      statements.take()
      const started = performance.now()
      const result = await recomputeFacts(db, organisation.id)
      const took = performance.now() - started
      const kinds = millisecondsByKind(statements.take(), ({ sql, params }) => {
        if (/\bFROM responses r\b/.test(sql))
          return `counting ${slugOfSurvey.get(String(params[1])) ?? 'a survey'}`
        if (/\bindicator_facts\b/.test(sql)) return 'replacing facts'
        return 'reading indicators'
      })
      write(
        `    run ${run}: ${seconds(took)}, ${grouped(result.facts)} facts; ` +
          kinds.map(([kind, spent]) => `${kind} ${seconds(spent)}`).join(', '),
      )
      if (result.facts === 0) throw new Error('recomputing made no facts')
      if (facts !== undefined && result.facts !== facts)
        throw new Error(`recomputing made ${result.facts} facts, the run before ${facts}`)
      facts = result.facts
      recomputeTimes.push(took)
    }
    const recomputeMedian = minAndMedian(recomputeTimes).median
    write(`    => median ${seconds(recomputeMedian)} (${recomputeRuns} runs), ${grouped(facts ?? 0)} facts`)

    const officer = await addOfficer(bench.db, organisation.id, 'analyst')
    server = await serveLocally(db, 'production')
    await settle()
    const browser = new OfficerBrowser(server.baseUrl)
    await browser.signIn(bench.db, officer)
    const quarter = chosenPeriod('quarterly', undefined)
    if (!quarter) throw new Error('no current quarter')
    const period = `?period=${quarter.key}`
    write(`  app: ${server.baseUrl} (production settings), signed in as an analyst; quarter ${quarter.key}`)
    const outcomePage = await measurePage(
      browser,
      statements,
      htmlPage(
        'outcome scorecard page',
        `${paths.manage.scorecardOutcome(outcomeSlug)}${period}`,
        outcome.statement,
        t,
      ),
    )
    const summaryPage = await measurePage(
      browser,
      statements,
      htmlPage('summary page', `${paths.manage.scorecards}${period}`, outcome.statement, t),
    )
    const pdf = await measurePage(browser, statements, {
      name: 'scorecard PDF',
      path: `${paths.manage.scorecardDownload('scorecard.pdf')}${period}`,
      check(text) {
        if (!text.startsWith('%PDF-')) throw new Error('scorecard.pdf is not a PDF')
      },
    })
    const published = await publicScorecards(db, bench, statements, {
      organisation: { id: organisation.id, slug: organisation.slug, name: `Council ${organisation.slug}` },
      baseUrl: server.baseUrl,
    })
    return (
      `${name} ${grouped(size)} responses: recompute facts median ${seconds(recomputeMedian)} (${recomputeRuns} runs, ` +
      `${grouped(facts ?? 0)} facts), outcome scorecard page median ${milliseconds(outcomePage.median)} ` +
      `(max ${milliseconds(outcomePage.max)}), summary page median ${milliseconds(summaryPage.median)} ` +
      `(max ${milliseconds(summaryPage.max)}), scorecard PDF median ${milliseconds(pdf.median)} (max ${milliseconds(pdf.max)}); ` +
      published
    )
  } finally {
    await server?.close()
  }
}

/**
 * The public side: publishing the last ended quarter through a background run (timed as the job
 * works it), then 50 visitors at once on latest.json and the latest page, and again revalidating
 * with the ETag they were sent, counting the statements those conditional requests made.
 */
async function publicScorecards(
  db: Database,
  bench: BenchDatabase,
  statements: { take(): TimedStatement[] },
  context: { organisation: { id: string; slug: string; name: string }; baseUrl: string },
): Promise<string> {
  const { organisation, baseUrl } = context
  const [quarter] = publishablePeriods('quarterly')
  if (!quarter) throw new Error('no ended quarter to publish')
  const admin = await addOfficer(bench.db, organisation.id, 'admin')
  const { run } = await requestScorecardRun(
    db,
    { enqueue: () => Promise.resolve() },
    {
      organisation: { id: organisation.id },
      kind: 'publish',
      period: quarter.key,
      officer: { id: admin.id, email: admin.email },
    },
  )
  const publishing = performance.now()
  await workScorecardRun({ db, logger: silentLogger }, { organisationId: organisation.id, runId: run.id })
  const publishTook = performance.now() - publishing
  const [state] = await bench.db.query<{ state: string }>('SELECT state FROM scorecard_runs WHERE id = $1', [
    run.id,
  ])
  if (state?.state !== 'done') throw new Error(`the publish run ended ${String(state?.state)}`)
  write(`  publish run for ${quarter.key} (recompute, then the snapshot): ${seconds(publishTook)}`)
  const summaries: string[] = [`publish run ${seconds(publishTook)}`]
  for (const [name, path] of [
    ['latest.json', paths.publicScorecards.latestJson(organisation.slug)],
    ['latest page', paths.publicScorecards.latest(organisation.slug)],
  ] as const) {
    await settle()
    const first = await fetch(`${baseUrl}${path}`)
    await first.arrayBuffer()
    const etag = first.headers.get('etag') ?? undefined
    if (first.status !== 200 || !etag) throw new Error(`GET ${path} gave ${first.status} without an ETag`)
    const full = await loadPublicPage(baseUrl, path, {
      clients: publicClients,
      each: publicRequestsEach,
      warmUp: publicWarmUp,
    })
    statements.take()
    const revalidated = await loadPublicPage(baseUrl, path, {
      clients: publicClients,
      each: publicRequestsEach,
      warmUp: publicWarmUp,
      etag,
    })
    // The server also works its job queue meanwhile; only the pages' own statements count.
    const queried = statements.take().filter(({ sql }) => !/\bpgboss\./.test(sql)).length
    if (revalidated.notModified !== revalidated.requests)
      throw new Error(`${name}: not every revalidation was 304`)
    write(
      `  ${name}, ${publicClients} clients at once, ${grouped(full.requests)} requests ` +
        `(${full.contentEncodings.join(', ')}): p50 ${milliseconds(full.p50)}, p95 ${milliseconds(full.p95)}, ` +
        `p99 ${milliseconds(full.p99)}, max ${milliseconds(full.max)}, ${full.perSecond.toFixed(0)}/s; ` +
        `revalidating: ${grouped(revalidated.notModified)} × 304, p50 ${milliseconds(revalidated.p50)}, ` +
        `p95 ${milliseconds(revalidated.p95)}, p99 ${milliseconds(revalidated.p99)}, ` +
        `${revalidated.perSecond.toFixed(0)}/s, ` +
        `${String(queried)} database statements`,
    )
    summaries.push(
      `${name} p95 ${milliseconds(full.p95)} under ${publicClients} clients, 304 p95 ${milliseconds(revalidated.p95)} with ${String(queried)} statements`,
    )
  }
  return summaries.join(', ')
}

const publicClients = 50
/** 5,000 timed requests a phase, so that p95 and p99 rest on 250 and 50 of them. */
const publicRequestsEach = 100
const publicWarmUp = 5
const silentLogger = createLogger('silent')

const size = responsesWanted()
runBench(async (configured) => {
  const cpus = os.cpus()
  write(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ` +
      `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}`,
  )
  const summaries: string[] = []
  if (configured.db.kind === 'postgres') {
    // PGlite is always measured; DATABASE_URL adds PostgreSQL.
    const pglite = await openBenchDatabase(undefined)
    try {
      summaries.push(await bench(pglite, size))
    } finally {
      await pglite.drop()
    }
  }
  summaries.push(await bench(configured, size))
  write('')
  for (const summary of summaries) write(summary)
  return true
})
