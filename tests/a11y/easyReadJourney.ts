import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

const tooLong =
  'When you come to the centre please bring a friend or someone from your family who can help you read and answer.'

/**
 * The easy-read checks as an admin meets them: a survey page listing what stops it opening, the
 * refusal to open it, and the words editor refusing a long sentence (with "Save anyway" offered).
 * Nothing is saved or opened, so the other tour sees the same pages.
 */
export async function easyReadOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  await tour.visit(paths.manage.survey(seeded.wordsProblems))
  await tour.check('easy read: survey with problems')
  await tour.press(submit(tour, `form[action="${paths.manage.open(seeded.wordsProblems)}"]`), 400)
  await expectErrorSummary(tour, 'easy read: survey cannot open')
  await tour.check('easy read: survey cannot open')
  await tour.visit(paths.manage.words(seeded.wordsProblems, 'en'))
  await tour.check('easy read: words editor')
  await tour.page.locator('#q-healthiest-hint').fill(tooLong)
  await tour.press(submit(tour, `form[action="${paths.manage.words(seeded.wordsProblems, 'en')}"]`), 400)
  await expectErrorSummary(tour, 'easy read: words editor refuses')
  await tour.check('easy read: words editor, error')
}
