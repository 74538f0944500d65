import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** Comparison figures with a different problem on each row. */
const badComparisons = [
  'indicator,period,area,value,source',
  '{administrative},2026-Q3,wales,58,DfE',
  '9.9,2026-Q3,england,12,DfE',
  '{administrative},2026-Q3,region,140,DfE',
  '{administrative},2026-Q2,neighbours,50,',
].join('\n')

/** Entering, importing and translating what a scorecard is read against and in, with their errors. */
export async function comparisonAndTranslationPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { administrativeIndicator } = seeded.scorecard
  await tour.visit(paths.manage.scorecardComparisons(administrativeIndicator))
  await tour.check('scorecards: comparison figures')
  await tour.page.locator('#period').fill('Summer 2026')
  await tour.page.locator('#value').fill('58%')
  await tour.press(submit(tour, 'main form[novalidate]:not([action$="/remove"])'), 400)
  await expectErrorSummary(tour, 'comparison figures')
  await tour.check('scorecards: comparison figures, error')

  await tour.visit(paths.manage.scorecardComparisonImport)
  await tour.check('scorecards: comparison import')
  await tour.page.locator('#file').setInputFiles({
    name: 'comparisons.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      badComparisons.replaceAll('{administrative}', administrativeIndicator.replaceAll('-', '.')),
    ),
  })
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'comparison import')
  const rows = await tour.page.locator('#problems tbody tr').count()
  if (rows < 4)
    tour.problem(`comparison import: ${rows} row problem(s) listed, expected one for each of 4 rows`)
  await tour.check('scorecards: comparison import, error')

  await tour.visit(`${paths.manage.scorecardTranslations}?language=cy`)
  await tour.check('scorecards: translations')
  await tour.page.locator('main textarea').first().fill('Gair '.repeat(60))
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'translations')
  await tour.check('scorecards: translations, error')
  await tour.visit(`${paths.manage.scorecardTranslations}?language=ur`)
  await tour.check('scorecards: translations, Urdu')
}
