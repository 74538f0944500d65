import type { Browser, Page } from 'playwright-core'
import type { Database } from '../../server/db/database'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { newCheckedContext, type PageResult } from './checks'
import type { Seeded } from './seed'

/** Words typed into a free-text answer, looked for on every page the Back button brings up. */
const secret = 'Back button check: words only I should see'

const bodyText = (page: Page) => page.locator('body').innerText()

async function answerEveryQuestion(page: Page, checkAnswersPath: string): Promise<void> {
  for (let guard = 0; guard < 30 && !page.url().endsWith(checkAnswersPath); guard += 1) {
    const text = page.locator('main textarea')
    if ((await text.count()) > 0) await text.first().fill(secret)
    else {
      const choice = page.locator('main input[type="radio"], main input[type="checkbox"]')
      if ((await choice.count()) > 0) await choice.first().check()
    }
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('main form button[type="submit"]').first().click(),
    ])
  }
  if (!page.url().endsWith(checkAnswersPath)) throw new Error(`Never reached ${checkAnswersPath}`)
}

/** Presses Back up to `times` times; what any of those pages shows of the secret is a problem. */
async function backShowsNothing(page: Page, times: number): Promise<string[]> {
  const problems: string[] = []
  for (let press = 1; press <= times; press += 1) {
    await page.goBack({ waitUntil: 'load' })
    if ((await bodyText(page)).includes(secret))
      problems.push(`Back (${String(press)}) showed the answers again, at ${page.url()}`)
  }
  return problems
}

/**
 * After a child presses Send, Back must not bring their answers back from the browser's cache; nor,
 * after an officer signs out, the free-text comments they were reading. The pages are marked
 * no-store; this presses Back in a real Chromium and fails the run if the words show.
 */
async function respondentBack(browser: Browser, baseUrl: string, seeded: Seeded): Promise<PageResult> {
  const context = await newCheckedContext(browser)
  const page = await context.newPage()
  const problems: string[] = []
  try {
    const start = paths.respond.start(seeded.organisation, seeded.whatINeed)
    await page.goto(`${baseUrl}${start}`)
    await Promise.all([page.waitForEvent('load'), page.locator('main form button[type="submit"]').click()])
    const checkAnswers = paths.respond.checkAnswers(seeded.organisation, seeded.whatINeed)
    await answerEveryQuestion(page, checkAnswers)
    if (!(await bodyText(page)).includes(secret))
      problems.push('The check answers page did not show the answer')
    await Promise.all([page.waitForEvent('load'), page.locator('main form button[type="submit"]').click()])
    if (!page.url().endsWith('/confirmation')) problems.push(`Send led to ${page.url()}`)
    problems.push(...(await backShowsNothing(page, 2)))
  } finally {
    await context.close()
  }
  return { language: 'en', name: 'back button: after Send', violations: 0, problems }
}

async function officerBack(
  browser: Browser,
  options: { baseUrl: string; db: Database; seeded: Seeded },
): Promise<PageResult> {
  const { baseUrl, db, seeded } = options
  const [admin] = await db.query<{ id: string; organisationId: string }>(
    `SELECT id, organisation_id AS "organisationId" FROM officers WHERE email = $1`,
    [seeded.admins.en],
  )
  if (!admin) throw new Error(`No officer ${seeded.admins.en}`)
  const context = await newCheckedContext(browser)
  const page = await context.newPage()
  const problems: string[] = []
  try {
    await page.goto(`${baseUrl}${paths.signIn.link(await createSignInLink(db, admin))}`)
    await Promise.all([page.waitForEvent('load'), page.locator('main form button[type="submit"]').click()])
    await page.goto(`${baseUrl}${paths.manage.comments(seeded.whatINeed)}`)
    if (!(await bodyText(page)).includes(secret)) problems.push('The comments page did not show the answer')
    const signOut = page.locator(`form[action="${paths.signIn.signOut}"] button`)
    await Promise.all([page.waitForEvent('load'), signOut.first().click()])
    problems.push(...(await backShowsNothing(page, 1)))
  } finally {
    await context.close()
  }
  return { language: 'en', name: 'back button: after signing out', violations: 0, problems }
}

/** Both Back checks; the respondent's first, since the officer reads the words the child sent. */
export async function backButtonPages(
  browser: Browser,
  options: { baseUrl: string; db: Database; seeded: Seeded },
): Promise<PageResult[]> {
  const results: PageResult[] = []
  for (const check of [
    () => respondentBack(browser, options.baseUrl, options.seeded),
    () => officerBack(browser, options),
  ])
    try {
      results.push(await check())
    } catch (error: unknown) {
      const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
      results.push({ language: 'en', name: 'back button: stopped', violations: 0, problems: [message] })
    }
  return results
}
