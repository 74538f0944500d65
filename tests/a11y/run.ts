import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { connectPglite } from '../../server/db/connectPglite'
import type { Database } from '../../server/db/database'
import { migrate } from '../../server/db/migrate'
import { newCheckedContext, type Language, type PageResult } from './checks'
import { fullPass, narrowPass, screenshotFolder } from './journey'
import { narrowOfficerPass, officerPass } from './officerJourney'
import { scorecardPublicPages } from './scorecardJourney'
import { privacyPublicPages } from './privacyJourney'
import { groupCodeRespondentPages, tooManyPages } from './responseLimitsJourney'
import { carryOnRespondentPages } from './deviceJourney'
import { safeguardingRespondentPages } from './safeguardingJourney'
import { serveLocally, type LocalServer } from './localServer'
import { backButtonPages } from './backButtonJourney'
import { conditionalRespondentPages } from './conditionsJourney'
import { seedSurveys, type Seeded } from './seed'
import { Tour } from './tour'

/*
 * Accessibility run: the real app on an in-memory database, driven by Chromium in English and in
 * Urdu (right to left), with axe and our own checks on every page. Exits 1 if anything failed.
 */
const chromiumPath = '/usr/bin/chromium'
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const languages: Language[] = ['en', 'ur']
const giveUpAfterMs = 900_000

interface TourOptions {
  language: Language
  baseUrl: string
  narrow: boolean
  outboxDir: string
}

/** One pass in one language in its own browser context; an error stops the pass and is reported as a failed page. */
async function runTour(
  browser: Browser,
  seeded: Seeded,
  options: TourOptions,
): Promise<{ results: PageResult[]; note?: string }> {
  const context = await newCheckedContext(
    browser,
    options.narrow ? { viewport: { width: 320, height: 640 } } : {},
  )
  const tour = new Tour(await context.newPage(), options)
  let note: string | undefined
  try {
    if (options.narrow) {
      await narrowPass(tour, seeded)
      await narrowOfficerPass(tour, seeded, options.outboxDir)
    } else {
      note = await fullPass(tour, seeded)
      await officerPass(tour, seeded, options.outboxDir)
    }
    await safeguardingRespondentPages(tour, seeded)
    await groupCodeRespondentPages(tour, seeded)
    await carryOnRespondentPages(tour, seeded)
    await conditionalRespondentPages(tour, seeded)
    await privacyPublicPages(tour, seeded)
    await scorecardPublicPages(tour, seeded)
  } catch (error: unknown) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    tour.results.push({
      language: options.language,
      name: `stopped at ${tour.page.url()}`,
      violations: 0,
      problems: [message],
    })
  } finally {
    await context.close()
  }
  const suffix = options.narrow ? ' (320px)' : ''
  return { results: tour.results.map((result) => ({ ...result, name: result.name + suffix })), note }
}

/** Both languages side by side (axe is the slow part, and this halves the wait), wide then narrow. */
async function runPasses(browser: Browser, server: LocalServer, seeded: Seeded): Promise<PageResult[]> {
  const results: PageResult[] = []
  for (const narrow of [false, true]) {
    const tours = await Promise.all(
      languages.map((language) =>
        runTour(browser, seeded, { language, baseUrl: server.baseUrl, narrow, outboxDir: server.outboxDir }),
      ),
    )
    for (const { results: pages, note } of tours) {
      if (note) process.stdout.write(`${note}\n`)
      results.push(...pages)
    }
  }
  return results
}

function report(results: PageResult[]): boolean {
  for (const { language, name, violations, problems } of results) {
    process.stdout.write(
      `${language}  ${name.padEnd(36)} ${violations} violation(s)${problems.length > violations ? `, ${problems.length} problem line(s)` : ''}\n`,
    )
    for (const problem of problems) process.stdout.write(`      - ${problem}\n`)
  }
  const violations = results.reduce((sum, result) => sum + result.violations, 0)
  const failed = results.filter((result) => result.problems.length > 0).length
  process.stdout.write(
    `a11y: ${results.length} pages checked, ${violations} violations, ${failed} page(s) with problems\n`,
  )
  process.stdout.write(`screenshots in ${screenshotFolder}\n`)
  return failed === 0
}

async function main(): Promise<boolean> {
  if (!fs.existsSync(chromiumPath)) {
    process.stderr.write(`a11y: Chromium not found at ${chromiumPath}; install the Debian chromium package\n`)
    return false
  }
  let db: Database | undefined
  let server: LocalServer | undefined
  let limited: LocalServer | undefined
  let browser: Browser | undefined
  try {
    const launching = chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
    db = await connectPglite({})
    await migrate(db)
    const seeded = await seedSurveys(db)
    server = await serveLocally(db)
    browser = await launching
    const results = await runPasses(browser, server, seeded)
    // The "try again later" page needs the limits on: a second server on the same database.
    limited = await serveLocally(db, 'test', { RESPONSE_LIMITS: 'on', RESPONSE_STARTS_PER_WINDOW: '1' })
    results.push(...(await tooManyPages(browser, seeded, { baseUrl: limited.baseUrl, languages })))
    // Back after Send, and after signing out, must not show answers (npx tsx tests/a11y/backButton.ts alone).
    results.push(...(await backButtonPages(browser, { baseUrl: server.baseUrl, db, seeded })))
    return report(results)
  } finally {
    await browser?.close()
    await server?.close()
    await limited?.close()
    await db?.close()
  }
}

setTimeout(() => {
  process.stderr.write(`a11y: gave up after ${giveUpAfterMs / 1000} s\n`)
  process.exit(1)
}, giveUpAfterMs).unref()

const started = Date.now()
main().then(
  (passed) => {
    process.stdout.write(`a11y: finished in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    process.exitCode = passed ? 0 : 1
  },
  (error: unknown) => {
    process.stderr.write(
      `a11y: could not finish: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
