import { paths } from '../../server/paths'
import { expectErrorSummary } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/**
 * The survey with conditions: an information page, a number question with "I don't know" (and its
 * error), one without choices, the closing information page, and check answers with a question
 * "Not asked" (a cat owner is not asked about walking a dog).
 */
export async function conditionalRespondentPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, conditional } = seeded
  await tour.visit(paths.respond.start(organisation, conditional))
  await tour.press(tour.page.locator('button.govuk-button--start'))
  await tour.answer('yes')
  await tour.press(tour.continueButton())
  await tour.check('information page')
  await tour.press(tour.continueButton())
  await tour.check('number question with choices')
  await tour.press(tour.continueButton(), 400)
  await expectErrorSummary(tour, 'number question')
  await tour.check('number question, error')
  await tour.answer('3')
  await tour.press(tour.continueButton())
  await tour.answer(['cat'])
  await tour.press(tour.continueButton())
  await tour.press(tour.continueButton())
  await tour.answer('11')
  await tour.press(tour.continueButton())
  await tour.check('information page, last')
  await tour.press(tour.continueButton())
  if (!(await tour.page.locator('.govuk-summary-list__row--no-actions').isVisible()))
    tour.problem('check answers shows no question as not asked')
  await tour.check('check answers with a question not asked')
  tour.finish('after check answers with a question not asked')
}
