import { paths } from '../../server/paths'
import { fileWithEveryKindOfProblem } from '../surveyFiles/surveyFileFixtures'
import { expectErrorSummary, submit } from './formChecks'
import type { Tour } from './tour'

/** Importing a survey file: the upload form, then a file with a problem of every kind listed in its error summary. */
export async function surveyFileOfficerPages(tour: Tour): Promise<void> {
  await tour.visit(paths.manage.importSurvey)
  await tour.check('survey files: import')
  await tour.page.locator('#file').setInputFiles({
    name: 'bad.survey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(fileWithEveryKindOfProblem(), null, 2)),
  })
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'survey file import')
  const listed = await tour.page.locator('.govuk-error-summary__list li').count()
  if (listed < 10) tour.problem(`survey file import: ${listed} problem(s) listed, expected 10`)
  await tour.check('survey files: import, errors')
}
