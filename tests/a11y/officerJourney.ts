import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { paths } from '../../server/paths'
import { builderOfficerPages } from './builderJourney'
import { easyReadOfficerPages } from './easyReadJourney'
import { scorecardOfficerPages } from './scorecardJourney'
import { breakdownOfficerPages, officerInvitationPages } from './aboutYouJourney'
import { versionsOfficerPages } from './versionsJourney'
import { surveyFileOfficerPages } from './surveyFileJourney'
import { settingsOfficerPages } from './privacyJourney'
import { retentionOfficerPages } from './retentionJourney'
import { invitationOfficerPages } from './invitationsJourney'
import { responseReviewOfficerPages } from './responseLimitsJourney'
import { sharedDeviceAndDataEntryPages } from './deviceJourney'
import { safeguardingOfficerPages } from './safeguardingJourney'
import type { Seeded } from './seed'
import type { Tour } from './tour'

const outboxFiles = (outboxDir: string): string[] =>
  fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir) : []

/** The sign-in link in a message to this address that was not in the outbox before, read as a mail client would. */
async function newSignInPathFor(
  outboxDir: string,
  address: string,
  before: Set<string>,
): Promise<string | undefined> {
  for (const file of outboxFiles(outboxDir).filter((name) => !before.has(name))) {
    const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file)))
    const to = Array.isArray(mail.to) ? mail.to.map((each) => each.text).join(', ') : (mail.to?.text ?? '')
    if (!to.includes(address)) continue
    return /\/sign-in\/link\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0]
  }
  return undefined
}

/** The email is sent by the job worker after the page has answered, so it may take a moment to arrive. */
async function awaitSignInPath(outboxDir: string, address: string, before: Set<string>): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const link = await newSignInPathFor(outboxDir, address, before)
    if (link) return link
    if (Date.now() > deadline) throw new Error(`No sign-in email for ${address} in ${outboxDir}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Signs in through the emailed link; checkPages false goes the same way without checking each page. */
async function signIn(tour: Tour, outboxDir: string, address: string, checkPages = true): Promise<void> {
  const check = (name: string) => (checkPages ? tour.check(name) : Promise.resolve())
  await tour.visit(paths.signIn.request)
  await check('officer: sign in')
  if (checkPages) {
    await tour.press(tour.page.locator('main form button[type="submit"]'), 400)
    await check('officer: sign in, error')
  }
  await tour.page.locator('#email').fill(address)
  const before = new Set(outboxFiles(outboxDir))
  await tour.press(tour.page.locator('main form button[type="submit"]'))
  await check('officer: check your email')
  const link = await awaitSignInPath(outboxDir, address, before)
  await tour.visit(link)
  await check('officer: sign-in link')
  await tour.press(tour.page.locator('main form button[type="submit"]'))
  await check('officer: surveys')
}

/** Every officers' page, reached by signing in through the emailed link as a person would. */
export async function officerPass(tour: Tour, seeded: Seeded, outboxDir: string): Promise<void> {
  const admin = seeded.admins[tour.options.language]
  await signIn(tour, outboxDir, admin)
  await tour.visit(paths.manage.newSurvey)
  await tour.check('officer: start a survey')
  await tour.press(tour.page.locator('main form button[type="submit"]'), 400)
  await tour.check('officer: start a survey, error')
  await tour.visit(paths.manage.survey(seeded.whatINeed))
  await tour.check('officer: survey')
  await tour.page.locator('#day').fill('31')
  await tour.page.locator('#month').fill('2')
  await tour.page.locator('#year').fill('2031')
  await tour.press(tour.page.locator('form[action$="/closing-date"] button'), 400)
  await tour.check('officer: survey, closing date error')
  await easyReadOfficerPages(tour, seeded)
  await builderOfficerPages(tour, seeded)
  await tour.visit(paths.manage.results(seeded.whatINeed))
  await tour.check('officer: results')
  await tour.visit(`${paths.manage.results(seeded.whatINeed)}?from=2026-02-30`, 400)
  await tour.check('officer: results, filter error')
  await breakdownOfficerPages(tour, seeded)
  await versionsOfficerPages(tour, seeded)
  await tour.visit(paths.manage.comments(seeded.whatINeed))
  await tour.check('officer: free-text answers')
  await tour.visit(paths.manage.officers)
  await tour.check('officer: officers')
  await tour.page.locator('main table a').first().click()
  await tour.page.waitForLoadState()
  await tour.check('officer: one officer')
  await officerInvitationPages(tour)
  await tour.visit(paths.manage.audit)
  await tour.check('officer: audit log')
  await scorecardOfficerPages(tour, seeded)
  await safeguardingOfficerPages(tour, seeded)
  await settingsOfficerPages(tour)
  await retentionOfficerPages(tour, seeded)
  await invitationOfficerPages(tour, seeded, outboxDir)
  await responseReviewOfficerPages(tour, seeded)
  await sharedDeviceAndDataEntryPages(tour, seeded)
  await surveyFileOfficerPages(tour)
  await tour.press(tour.page.locator('.heard-officer-nav__button'))
  await tour.check('officer: signed out')
  tour.finish('after the officers pages')
}

/** The officers' scorecard pages in a narrow window, where their tables are most likely to overflow. */
export async function narrowOfficerPass(tour: Tour, seeded: Seeded, outboxDir: string): Promise<void> {
  await signIn(tour, outboxDir, seeded.admins[tour.options.language], false)
  await scorecardOfficerPages(tour, seeded)
  await tour.press(tour.page.locator('.heard-officer-nav__button'))
  tour.finish('after the narrow officers pages')
}
