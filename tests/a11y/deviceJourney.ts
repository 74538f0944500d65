import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** "Email me a link" (refused, then sent), a link that has expired, and the start-again question. */
export async function carryOnRespondentPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, whatINeed } = seeded
  await tour.visit(paths.respond.start(organisation, whatINeed))
  await tour.press(tour.page.locator('button.govuk-button--start'))
  await tour.press(tour.page.locator(`main a[href^="${paths.respond.emailLink(organisation, whatINeed)}"]`))
  await tour.check('email me a link')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'email me a link')
  await tour.check('email me a link, error')
  await tour.page.locator('#email').fill('tour@example.org')
  await tour.press(submit(tour))
  await tour.check('email me a link, sent')
  await tour.visit(paths.respond.resumeLink(organisation, whatINeed, 'x'.repeat(43)), 404)
  await tour.check('carry-on link expired')
  await tour.visit(paths.respond.startAgain(organisation, whatINeed))
  await tour.check('start again, confirm')
}

/**
 * As an analyst or admin: a group session on shared devices, a device of it (its start page, a
 * question, the idle warning and the next-person screen), and typing in a paper response.
 */
export async function sharedDeviceAndDataEntryPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, whatINeed, ehcpExperience } = seeded
  await tour.visit(paths.manage.groupSessions(whatINeed))
  await tour.page.locator('#label').fill(`Drop-in (${tour.options.language})`)
  await tour.page.locator('label[for="sharedDevices"]').click()
  await tour.page.locator('#idleMinutes').fill('30')
  await tour.press(submit(tour, `main form[action="${paths.manage.groupSessions(whatINeed)}"]`))
  await tour.check('group sessions, on shared devices')
  const shared = new RegExp(`${paths.respond.start(organisation, whatINeed)}/shared/[A-Z0-9]{6}`).exec(
    await tour.page.content(),
  )?.[0]
  if (!shared) {
    tour.problem('no shared-device link on the group sessions page')
    return
  }
  await tour.visit(shared)
  await tour.check('shared device: start')
  await tour.press(tour.page.locator('button.govuk-button--start'))
  await tour.check('shared device: question')
  const question = new URL(tour.page.url()).pathname
  await tour.visit(
    `${paths.respond.stillThere(organisation, whatINeed)}?return=${encodeURIComponent(question)}`,
  )
  await tour.check('shared device: are you still there')
  await tour.visit(paths.respond.nextPerson(organisation, whatINeed))
  await tour.check('shared device: next person')

  await tour.visit(paths.manage.dataEntry(ehcpExperience))
  await tour.check('data entry')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'data entry')
  await tour.check('data entry, error')
  await tour.page.locator('label[for="method"]').click()
  await tour.press(submit(tour))
  await tour.check('data entry: a question')
}
