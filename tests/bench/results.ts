import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import type { Database } from '../../server/db/database'
import { paths } from '../../server/paths'
import { serveLocally, type LocalServer } from '../a11y/localServer'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { runBench, type BenchDatabase } from './benchDatabase'
import { generateResponses } from './results/generateResponses'
import { whileSampling, type MemoryReport } from './results/memorySampler'
import { OfficerBrowser, type Fetched } from './results/officerBrowser'
import { bytesText, grouped, memoryLines, minAndMedian, peaksText, seconds } from './results/report'

/*
 * Results benchmark: 100,000 and then 1,000,000 responses to "What I need", and how long the
 * officers' results page, the responses CSV and the PDF report take through the real app on
 * 127.0.0.1, signed in as an analyst. It prints numbers and asserts no timings.
 * npm run bench:results   (PostgreSQL when DATABASE_URL is set, otherwise PGlite on disk)
 */
const runs = 3

/**
 * PGlite runs in this thread and its long statements hold up the event loop, timers included. A
 * short pause before each request lets overdue timers fire first; otherwise the server's and the
 * client's keep-alive timeouts both fire late and the server closes, as idle, the very connection
 * the client has just sent its next request on ("fetch failed: other side closed").
 */
const settle = () => sleep(100)

/** --sizes 1000,5000 for a quick try; by default 100,000 and then 1,000,000. */
function sizesWanted(): number[] {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100000,1000000' } } })
  const sizes = values.sizes.split(',').map(Number)
  const ascending = sizes.every((size, index) => index === 0 || size > (sizes[index - 1] ?? 0))
  if (!sizes.every((size) => Number.isInteger(size) && size > 0 && size <= 10_000_000) || !ascending)
    throw new Error('--sizes must be ascending whole numbers from 1 to 10,000,000, separated by commas')
  return sizes
}

const write = (line: string) => process.stdout.write(`${line}\n`)

interface Measured {
  name: string
  path: string
  /** Whether to sample memory during each run. */
  sampleMemory: boolean
}

interface Run {
  fetched: Fetched
  memory?: MemoryReport
}

function printMachine(bench: BenchDatabase): void {
  const cpus = os.cpus()
  write(`database: ${bench.db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${bench.description}`)
  write(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ` +
      `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB memory, ${os.platform()} ${os.release()}, Node ${process.version}`,
  )
}

/** Three GETs of one URL, each read to the end; prints every run, then min and median. */
async function measure(browser: OfficerBrowser, measured: Measured): Promise<boolean> {
  const done: Run[] = []
  write(`  ${measured.name} (GET ${measured.path})`)
  for (let run = 1; run <= runs; run++) {
    await settle()
    const { result: fetched, memory } = measured.sampleMemory
      ? await whileSampling((sampleHeap) => browser.get(measured.path, sampleHeap))
      : { result: await browser.get(measured.path), memory: undefined }
    const failed = fetched.status !== 200
    write(
      `    run ${run}: ${failed ? `FAILED with status ${fetched.status}, ` : ''}${fetched.milliseconds.toFixed(0)} ms, ` +
        `${bytesText(fetched.bytes)}, content-encoding ${fetched.contentEncoding}`,
    )
    if (memory) for (const line of memoryLines(memory)) write(`      ${line}`)
    if (failed) return false
    done.push({ fetched, memory })
  }
  const { min, median } = minAndMedian(done.map(({ fetched }) => fetched.milliseconds))
  const memories = done.flatMap(({ memory }) => (memory ? [memory] : []))
  const peakText = memories.length > 0 ? `; ${peaksText(memories)}` : ''
  write(`    => min ${min.toFixed(0)} ms, median ${median.toFixed(0)} ms${peakText}`)
  return true
}

async function countResponses(db: Database): Promise<number> {
  const rows = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM responses')
  return rows[0]?.count ?? 0
}

async function bench(bench: BenchDatabase, sizes: number[]): Promise<boolean> {
  let server: LocalServer | undefined
  try {
    const organisation = await insertOrganisation(bench.db, 'bench-council')
    const { surveyId, slug } = await insertSurvey(bench.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const officer = await addOfficer(bench.db, organisation.id, 'analyst')
    server = await serveLocally(bench.db, 'production')
    write(`app: ${server.baseUrl} (production settings), signed in as an analyst; ${runs} runs of each`)
    write(
      'memory of this one process (app, client, and PGlite when used): RSS sampled every 50 ms by a thread of ' +
        'its own; heap and external on the main thread, every 50 ms when its event loop is free and at each ' +
        'piece of body received',
    )
    const yearEnding = new Date()
    let generated = 0
    let allPassed = true
    for (const size of sizes) {
      write('')
      write(`== ${grouped(size)} responses ==`)
      const started = performance.now()
      await generateResponses(
        bench.db,
        { organisationId: organisation.id, surveyId, yearEnding },
        { from: generated + 1, to: size },
      )
      const took = performance.now() - started
      write(
        `  generated ${grouped(size - generated)} in ${seconds(took)} ` +
          `(${grouped(Math.round(((size - generated) / took) * 1000))} a second)`,
      )
      generated = size
      // PostgreSQL's autovacuum would analyse the table soon after such a load; PGlite has none.
      const analysing = performance.now()
      await bench.db.query('ANALYZE responses')
      const stored = await countResponses(bench.db)
      write(`  ANALYZE responses ${seconds(performance.now() - analysing)}; ${grouped(stored)} stored`)
      if (stored !== size) throw new Error(`expected ${size} responses, found ${stored}`)
      // A new sign-in each size, so a long generation cannot outlast the officers' idle timeout.
      await settle()
      const browser = new OfficerBrowser(server.baseUrl)
      await browser.signIn(bench.db, officer)
      const measured: Measured[] = [
        { name: 'results page', path: paths.manage.results(slug), sampleMemory: false },
        {
          name: 'responses.csv',
          path: paths.manage.download(slug, 'responses.csv'),
          sampleMemory: true,
        },
        { name: 'report.pdf', path: paths.manage.download(slug, 'report.pdf'), sampleMemory: true },
      ]
      for (const item of measured) if (!(await measure(browser, item))) allPassed = false
    }
    return allPassed
  } finally {
    await server?.close()
  }
}

const sizes = sizesWanted()
runBench(async (benchDatabase) => {
  printMachine(benchDatabase)
  return bench(benchDatabase, sizes)
})
