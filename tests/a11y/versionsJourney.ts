import { paths } from '../../server/paths'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** Results of a survey edited after it had responses: notes on each question's versions, "Not asked". */
export async function versionsOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  await tour.visit(paths.manage.results(seeded.versioned))
  if ((await tour.page.locator('main section .govuk-inset-text li').count()) === 0)
    tour.problem('results across versions show no version notes')
  await tour.check('officer: results across versions')
}
