import { paths } from '../../server/paths'
import { comparisonAndTranslationPages } from './comparisonJourney'
import { expectErrorSummary, submit } from './formChecks'
import { screenshot } from './journey'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** A file an officer might export from another tool, with a different problem on every row. */
const badCsv = [
  'indicator,period,value',
  '{administrative},2026-Q5,61',
  '9.9,2026-Q3,12',
  '1.1,2026-Q3,50',
  '{administrative},2026-Q2,lots',
  '{administrative},2026-Q1,140',
].join('\n')

/** Opens the first "Figures for past periods" by its summary, as a person would, so its table is checked too. */
async function openFirstDetails(tour: Tour): Promise<void> {
  const details = tour.page.locator('main details').first()
  await details.locator('summary').click()
  if ((await details.getAttribute('open')) === null)
    tour.problem('clicking a details summary did not open it')
}

/** A period (or a month) is chosen with the page's own chooser, as an officer would, rather than by address. */
async function chooseQuarter(tour: Tour, quarter: string): Promise<void> {
  await tour.page.locator('.heard-period-chooser select').selectOption(quarter)
  await tour.press(submit(tour, '.heard-period-chooser'))
}

/** The summary by month, as a board dashboard: reached by its link, then another month chosen. */
async function byMonth(tour: Tour): Promise<void> {
  await tour.visit(paths.manage.scorecards)
  await tour.press(tour.page.locator(`main a[href^="${paths.manage.scorecards}?month="]`))
  await tour.check('scorecards: summary by month')
  const previous = await tour.page.locator('.heard-period-chooser option').nth(1).getAttribute('value')
  await chooseQuarter(tour, previous ?? '')
  await tour.check('scorecards: summary by month, another month')
}

async function summaryAndOutcome(tour: Tour, seeded: Seeded): Promise<void> {
  const { scorecard } = seeded
  await tour.visit(paths.manage.scorecards)
  await tour.check('scorecards: summary, this quarter')
  await chooseQuarter(tour, scorecard.quarter)
  await tour.check('scorecards: summary')
  await tour.press(tour.page.locator(`main caption a[href*="/outcomes/${scorecard.outcome}"]`))
  await openFirstDetails(tour)
  await tour.check('scorecards: outcome')
  await screenshot(tour, 'scorecard-outcome')
  await byMonth(tour)
}

async function framework(tour: Tour, seeded: Seeded): Promise<void> {
  const { administrativeIndicator, surveyIndicator } = seeded.scorecard
  await tour.visit(paths.manage.scorecardFramework)
  await tour.check('scorecards: framework')
  await tour.press(submit(tour, `form[action="${paths.manage.scorecardNewOutcome}"]`), 400)
  await expectErrorSummary(tour, 'new outcome')
  await tour.check('scorecards: framework, error')
  await tour.press(
    tour.page.locator(`main a[href="${paths.manage.scorecardOutcomeStatement(seeded.scorecard.outcome)}"]`),
  )
  await tour.check('scorecards: outcome statement')
  await tour.page.locator('#statement').fill('')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'outcome statement')
  await tour.check('scorecards: outcome statement, error')
  await tour.visit(paths.manage.scorecardNewIndicator)
  await tour.check('scorecards: new indicator')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'new indicator')
  await tour.check('scorecards: new indicator, error')
  await tour.visit(paths.manage.scorecardIndicator(administrativeIndicator))
  await tour.check('scorecards: administrative indicator')
  await tour.visit(paths.manage.scorecardIndicator(surveyIndicator))
  await tour.check('scorecards: survey indicator')
  await tour.press(tour.page.locator(`main a[href="${paths.manage.scorecardCounting(surveyIndicator)}"]`))
  await tour.check('scorecards: counting')
  for (const box of await tour.page.locator('input[name="questions"]:checked').all()) await box.uncheck()
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'counting')
  await tour.check('scorecards: counting, error')
}

async function figures(tour: Tour, seeded: Seeded): Promise<void> {
  const { administrativeIndicator, quarter } = seeded.scorecard
  await tour.visit(paths.manage.scorecardValues(administrativeIndicator))
  await tour.check('scorecards: values')
  await tour.page.locator('#period').fill('Summer 2026')
  await tour.page.locator('#value').fill('61.5')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'values')
  await tour.check('scorecards: values, error')
  await tour.visit(`${paths.manage.scorecardCommentary(administrativeIndicator)}?period=${quarter}`)
  await tour.check('scorecards: commentary')
  await tour.visit(paths.manage.scorecardImport)
  await tour.check('scorecards: import')
  const number = administrativeIndicator.replaceAll('-', '.')
  await tour.page.locator('#file').setInputFiles({
    name: 'figures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(badCsv.replaceAll('{administrative}', number)),
  })
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'import')
  const rows = await tour.page.locator('#problems tbody tr').count()
  if (rows < 5) tour.problem(`import: ${rows} row problem(s) listed, expected one for each of 5 rows`)
  await tour.check('scorecards: import, error')
}

async function notesAndPublishing(tour: Tour): Promise<void> {
  await tour.visit(paths.manage.scorecardYouSaidWeDid)
  await tour.check('scorecards: you said, we did')
  await tour.press(submit(tour, `form[action="${paths.manage.scorecardYouSaidWeDid}"]`), 400)
  await expectErrorSummary(tour, 'you said, we did')
  await tour.check('scorecards: you said, we did, error')
  await tour.visit(paths.manage.scorecardPublish)
  await tour.check('scorecards: publish')
  // The newest quarter is chosen already; a radio cannot be unchosen by a click, so clear them as a stale form would.
  await tour.page.locator('input[name="period"]').evaluateAll((radios) => {
    for (const radio of radios) (radio as HTMLInputElement).checked = false
  })
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'publish')
  await tour.check('scorecards: publish, error')
  await tour.visit(paths.manage.scorecards)
  await tour.press(tour.page.locator(`main form[action="${paths.manage.scorecardRecompute}"] button`))
  await tour.check('scorecards: working out the figures')
  // The server works its jobs itself: the run is done within seconds, as the page then says.
  const runPage = new URL(tour.page.url()).pathname
  for (let tries = 0; tries < 30; tries += 1) {
    if ((await tour.page.locator('main a[href="/manage/scorecards"]').count()) > 1) break
    await tour.page.waitForTimeout(500)
    await tour.visit(runPage)
  }
  await tour.check('scorecards: figures worked out')
}

/** Every officers' scorecard page and its refusals, for a signed-in admin. */
export async function scorecardOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  await summaryAndOutcome(tour, seeded)
  await framework(tour, seeded)
  await figures(tour, seeded)
  await comparisonAndTranslationPages(tour, seeded)
  await notesAndPublishing(tour)
}

/** The published scorecards as the public reach them: the list, a quarter's page and its embed. */
export async function scorecardPublicPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, scorecard } = seeded
  await tour.visit(paths.publicScorecards.list(organisation))
  await tour.check('public scorecards: list')
  await tour.press(
    tour.page.locator(`main a[href="${paths.publicScorecards.snapshot(organisation, scorecard.quarter)}"]`),
  )
  await openFirstDetails(tour)
  await tour.check('public scorecards: quarter')
  await screenshot(tour, 'scorecard-snapshot')
  await tour.press(
    tour.page.locator(`main a[href="${paths.publicScorecards.embed(organisation, scorecard.quarter)}"]`),
  )
  await tour.check('public scorecards: embed')
  await tour.visit(paths.publicScorecards.latest(organisation))
  await tour.check('public scorecards: latest')
  await tour.press(
    tour.page.locator(`main a[href="${paths.publicScorecards.easyRead(organisation, scorecard.quarter)}"]`),
  )
  await tour.check('public scorecards: easy read')
  await screenshot(tour, 'scorecard-easy-read')
  await tour.visit(paths.publicScorecards.latestEmbed(organisation))
  await tour.check('public scorecards: latest embed')
  // The public pages come in Welsh as well: once in each pass, then back to the tour's language.
  await tour.visit(`${paths.publicScorecards.easyRead(organisation, 'latest')}?lang=cy`)
  await tour.check('public scorecards: easy read in Welsh', 'cy')
  await tour.visit(`${paths.publicScorecards.latest(organisation)}?lang=cy`)
  await tour.check('public scorecards: latest in Welsh', 'cy')
  await tour.visit(`${paths.publicScorecards.list(organisation)}?lang=${tour.options.language}`)
  tour.finish('after the scorecard pages')
}
