import type { Browser } from 'playwright-core'
import { paths } from '../../server/paths'
import { newCheckedContext, type Language, type PageResult } from './checks'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import { Tour } from './tour'

/** A class's group code, typed in and refused, and the start page with a code that does not work. */
export async function groupCodeRespondentPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, whatINeed } = seeded
  await tour.visit(`${paths.respond.start(organisation, whatINeed)}?group=ZZZZZZ`)
  await tour.check('start page, group code not working')
  await tour.visit(paths.respond.groupCode(organisation, whatINeed))
  await tour.check('group code')
  await tour.page.locator('#code').fill('ZZZZZZ')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'group code')
  await tour.check('group code, error')
}

/** Group sessions and held responses, as an analyst or admin reaches them. */
export async function responseReviewOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  const survey = seeded.whatINeed
  await tour.visit(paths.manage.groupSessions(survey))
  await tour.check('group sessions')
  const newSession = `main form[action="${paths.manage.groupSessions(survey)}"]`
  await tour.page.locator('#label').fill('Year 6 at Oak Primary, '.repeat(5))
  await tour.press(submit(tour, newSession), 400)
  await expectErrorSummary(tour, 'group sessions')
  await tour.check('group sessions, error')
  await tour.page.locator('#label').fill(`Year 6 (${tour.options.language})`)
  await tour.press(submit(tour, newSession))
  await tour.check('group sessions, one open')
  await tour.visit(paths.manage.results(survey))
  await tour.check('results with held responses')
  await tour.visit(paths.manage.heldResponses(survey))
  await tour.check('held responses')
  await tour.press(tour.page.locator('main form button[name="decision"][value="include"]'), 400)
  await expectErrorSummary(tour, 'held responses')
  await tour.check('held responses, error')
}

/**
 * The "try again later" page, on a server whose limit is one new survey per address. Run once per
 * language, one after the other, since every tour shares the one address: only the very first start
 * goes through.
 */
export async function tooManyPages(
  browser: Browser,
  seeded: Seeded,
  options: { baseUrl: string; languages: Language[] },
): Promise<PageResult[]> {
  const results: PageResult[] = []
  let first = true
  for (const language of options.languages) {
    for (const survey of [seeded.whatINeed, seeded.ehcpExperience]) {
      const context = await newCheckedContext(browser)
      const tour = new Tour(await context.newPage(), { language, baseUrl: options.baseUrl })
      try {
        await tour.visit(paths.respond.start(seeded.organisation, survey))
        await tour.press(tour.page.locator('button.govuk-button--start'), first ? 200 : 429)
        if (!first) await tour.check(`too many starts: ${survey}`)
        first = false
      } finally {
        results.push(...tour.results)
        await context.close()
      }
    }
  }
  return results
}
