import { chromium } from 'playwright-core'
import { connectPglite } from '../../server/db/connectPglite'
import { migrate } from '../../server/db/migrate'
import { backButtonPages } from './backButtonJourney'
import { serveLocally } from './localServer'
import { seedSurveys } from './seed'

/*
 * The Back button checks alone, for working on them without the whole accessibility run:
 * TZ=Europe/London npx tsx tests/a11y/backButton.ts   (exits 1 if Back shows any answers)
 */
async function main(): Promise<boolean> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  })
  const db = await connectPglite({})
  await migrate(db)
  const seeded = await seedSurveys(db)
  const local = await serveLocally(db)
  try {
    const results = await backButtonPages(browser, { baseUrl: local.baseUrl, db, seeded })
    for (const { name, problems } of results) {
      process.stdout.write(`${name}: ${problems.length === 0 ? 'ok' : 'FAILED'}\n`)
      for (const problem of problems) process.stdout.write(`      - ${problem}\n`)
    }
    return results.every((result) => result.problems.length === 0)
  } finally {
    await browser.close()
    await local.close()
    await db.close()
  }
}

main().then(
  (passed) => {
    process.exitCode = passed ? 0 : 1
  },
  (error: unknown) => {
    process.stderr.write(
      `back button: could not finish: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
  },
)
