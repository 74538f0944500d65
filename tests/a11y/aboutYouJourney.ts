import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** Results broken down by an about-you question: choosing one, a refused choice, and the tables. */
export async function breakdownOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  const breakdown = paths.manage.breakdown(seeded.whatINeed)
  await tour.visit(breakdown)
  await tour.check('breakdown: choose a question')
  await tour.visit(`${breakdown}?by=no-such-question`, 400)
  await expectErrorSummary(tour, 'breakdown')
  await tour.check('breakdown: error')
  await tour.visit(`${breakdown}?by=age-group`)
  await tour.check('breakdown: tables')
}

/** An invitation waiting to be accepted, inviting the same address again, and sending it again. */
export async function officerInvitationPages(tour: Tour): Promise<void> {
  const email = `invited-${tour.options.language}@council.example`
  const invite = async (expected: number) => {
    await tour.page.locator('#email').fill(email)
    // The first role is viewer; a GOV.UK radio is chosen by its label, as a person would.
    await tour.page.locator('label[for="role"]').click()
    await tour.press(submit(tour, 'form[action="/manage/officers"]'), expected)
  }
  await tour.visit(paths.manage.officers)
  await invite(200)
  await tour.check('officers: invited')
  await invite(400)
  await expectErrorSummary(tour, 'officers: already invited')
  await tour.check('officers: already invited')
  await tour.press(tour.page.locator(`form[action="${paths.manage.officerInvitationResend}"] button`).first())
  await tour.check('officers: invitation sent again')
}
