import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** The organisation's public pages made from its settings, reached from a survey's footer as a person would. */
export async function privacyPublicPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation } = seeded
  await tour.visit(paths.respond.start(organisation, seeded.whatINeed))
  await tour.press(
    tour.page.locator(`footer a[href="${paths.organisationPages.easyReadPrivacy(organisation)}"]`),
  )
  await tour.check('privacy notice, easy read')
  await tour.visit(paths.organisationPages.privacy(organisation))
  await tour.check('privacy notice')
  await tour.visit(paths.organisationPages.accessibility(organisation))
  await tour.check('accessibility statement of an organisation')
  await tour.visit(paths.organisationPages.contact(organisation))
  await tour.check('contact and help')
}

/** The admin's settings pages, each form refused once and then saved. */
export async function settingsOfficerPages(tour: Tour): Promise<void> {
  await tour.visit(paths.settings.home)
  await tour.check('settings')
  await tour.visit(paths.settings.section('organisation'))
  await tour.check('settings: organisation')
  await tour.page.locator('#contactEmail').fill('nope')
  await tour.page.locator('#contactPhone').fill('12345')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'settings: organisation')
  await tour.check('settings: organisation, error')
  await tour.visit(paths.settings.section('data-protection'))
  await tour.check('settings: data protection')
  await tour.page.locator('#retentionMonths').fill('0')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'settings: data protection')
  await tour.check('settings: data protection, error')
  await tour.visit(paths.settings.section('accessibility'))
  await tour.check('settings: accessibility')
  await tour.visit(paths.settings.section('safeguarding'))
  await tour.check('settings: safeguarding')
  await tour.page.locator('#alertEscalationMinutes').fill('4')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'settings: safeguarding')
  await tour.check('settings: safeguarding, error')
  await tour.visit(paths.settings.section('scorecards'))
  await tour.check('settings: scorecard publishing')
  // One frequency is always chosen; a radio cannot be unchosen by a click, so clear them as a stale form would.
  await tour.page.locator('input[name="publishFrequency"]').evaluateAll((radios) => {
    for (const radio of radios) (radio as HTMLInputElement).checked = false
  })
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'settings: scorecard publishing')
  await tour.check('settings: scorecard publishing, error')
  await tour.visit(paths.settings.section('local-help'))
  await tour.check('settings: local help')
  await tour.press(submit(tour, `main form[action="${paths.settings.section('local-help')}"]`), 400)
  await expectErrorSummary(tour, 'settings: local help')
  await tour.check('settings: local help, error')
  await tour.page.locator('#helpName').fill('Oak Vale SENDIASS')
  await tour.page.locator('#helpPhone').fill('01632 960 000')
  await tour.press(submit(tour, `main form[action="${paths.settings.section('local-help')}"]`))
  await tour.check('settings: local help, added')
}
