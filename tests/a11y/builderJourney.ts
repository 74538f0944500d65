import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/**
 * The survey builder's pages, on a survey with conditions, a number question and information pages.
 * Only refused forms are sent, so the two tours running side by side change nothing.
 */
export async function builderOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  const slug = seeded.conditional
  const builder = paths.manage.builder
  await tour.visit(builder.home(slug))
  await tour.check('builder: questions')
  await tour.visit(builder.addQuestion(slug))
  await tour.check('builder: kind of question')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'builder: kind of question')
  await tour.check('builder: kind of question, error')
  await tour.visit(builder.newQuestion(slug, 'single-choice'))
  await tour.check('builder: new list question')
  await tour.visit(builder.question(slug, 'pet-count'))
  await tour.check('builder: number question')
  await tour.page.locator('#title-en').fill('')
  await tour.page.locator('#min').fill('ten')
  await tour.press(tour.page.locator('main form button[type="submit"]').last(), 400)
  await expectErrorSummary(tour, 'builder: number question')
  await tour.check('builder: number question, errors')
  await tour.visit(builder.questionPicture(slug, 'has-pet'))
  await tour.check('builder: picture picker')
  await tour.visit(`${builder.questionCondition(slug, 'dog-walks')}?on=pet-kinds`)
  await tour.check('builder: condition')
  await tour.page.locator('main form[method="post"] input[name="answers"]').evaluateAll((boxes) => {
    for (const box of boxes) (box as HTMLInputElement).checked = false
  })
  await tour.press(tour.page.locator('main form[method="post"] button[type="submit"]').first(), 400)
  await expectErrorSummary(tour, 'builder: condition')
  await tour.check('builder: condition, error')
  await tour.visit(builder.questionRemove(slug, 'has-pet'))
  await tour.check('builder: remove a question')
  await tour.visit(builder.newPage(slug))
  await tour.check('builder: information page')
  await tour.visit(builder.settings(slug))
  await tour.check('builder: settings')
  await tour.page.locator('#minutes').fill('')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'builder: settings')
  await tour.check('builder: settings, error')
  await tour.visit(builder.preview(slug))
  await tour.check('builder: preview')
  await tour.visit(builder.newBlank)
  await tour.check('builder: new survey from nothing')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'builder: new survey from nothing')
  await tour.check('builder: new survey from nothing, error')
  await tour.visit(builder.newCopy)
  await tour.check('builder: copy a survey')
}
