import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** A survey's retention period, and erasing a response by the reference its respondent gives. */
export async function retentionOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  await tour.visit(paths.manage.surveyRetention(seeded.closed))
  await tour.check('retention: survey')
  await tour.page.locator('#months').fill('abc')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'retention')
  await tour.check('retention: survey, error')
  await tour.visit(paths.manage.erasure)
  await tour.check('erasure: find')
  await tour.page.locator('#reference').fill('hello')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'erasure: malformed reference')
  await tour.check('erasure: malformed reference')
  await tour.page.locator('#reference').fill('ZZZZ-ZZZZ')
  await tour.press(submit(tour), 404)
  await tour.check('erasure: unknown reference')
  await tour.page.locator('#reference').fill(seeded.erasable[tour.options.language])
  await tour.press(submit(tour))
  await tour.check('erasure: confirm')
  await tour.press(submit(tour))
  await tour.check('erasure: erased')
}
