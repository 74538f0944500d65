import { londonToday } from '../../server/i18n/londonDates'
import { paths } from '../../server/paths'
import { periodContaining, previousPeriod } from '../../server/scorecards/model/periods'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { linksIn, rowStartingWith, startFrameworkFromTemplate, visibleText } from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'

/*
 * The officers' scorecard by month, as a board reading a monthly SEND dashboard sees it: each
 * indicator's latest figure at the end of the month chosen, monthly figures for monthly indicators.
 */
const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let admin: Agent

const thisMonth = periodContaining('monthly', londonToday())
const lastMonth = previousPeriod(thisMonth)
const monthBefore = previousPeriod(lastMonth)
const byMonth = (month: string) => `${paths.manage.scorecards}?month=${month}`

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst' })
  admin = await signedInAs(app, db, { organisationId, role: 'admin' })
  await startFrameworkFromTemplate(analyst)
  const added = await postForm(
    analyst,
    paths.manage.scorecardNewIndicator,
    paths.manage.scorecardNewIndicator,
    {
      number: '5.4',
      wording: 'Requests for an EHC needs assessment',
      outcome: 'prepared-future',
      kind: 'administrative',
      survey: '',
      unit: 'count',
      goodIs: 'neither',
      frequency: 'monthly',
      source: 'Council SEND team',
      dataOwner: 'Head of SEND',
      baselineValue: '',
      baselineDate: '',
      amberTolerance: '5',
    },
  )
  if (added.status !== 303) throw new Error(`Adding 5.4 gave ${added.status}`)
  const values = paths.manage.scorecardValues('5-4')
  for (const [period, value] of [
    [monthBefore.key, '31'],
    [lastMonth.key, '47'],
  ] as const) {
    const entered = await postForm(analyst, values, values, { period, value })
    if (entered.status !== 303) throw new Error(`Entering ${period} gave ${entered.status}`)
  }
})

describe('the scorecard by month', () => {
  it('shows a monthly indicator’s figure for the month chosen, and the month before for another', async () => {
    const page = await analyst.get(byMonth(lastMonth.key))
    expect(page.status).toBe(200)
    expect(rowStartingWith(page.text, '5.4')[2]).toBe('47')
    const before = await analyst.get(byMonth(monthBefore.key))
    expect(before.status).toBe(200)
    expect(rowStartingWith(before.text, '5.4')[2]).toBe('31')
    expect(rowStartingWith((await analyst.get(byMonth(thisMonth.key))).text, '5.4')[2]).toBe('No figure')
  })

  it('has a month chooser of this month and the eleven before it, as a form that needs no script', async () => {
    const page = await analyst.get(byMonth(lastMonth.key))
    const chooser =
      /<form method="get" action="\/manage\/scorecards"[\s\S]*?<\/form>/.exec(page.text)?.[0] ?? ''
    expect(chooser).toContain('<label class="govuk-label" for="month">Month</label>')
    const options = [...chooser.matchAll(/<option value="([^"]+)"( selected)?>/g)]
    expect(options).toHaveLength(12)
    expect(options[0]?.[1]).toBe(thisMonth.key)
    expect(options.filter((option) => option[2]).map((option) => option[1])).toEqual([lastMonth.key])
    expect(chooser).toMatch(/<button[^>]*type="submit"/)
    expect(page.text).toContain('<h1 class="govuk-heading-l">Outcome scorecards by month</h1>')
  })

  it('links to the scorecard of the quarter holding the month, which links back by month', async () => {
    const month = await analyst.get(byMonth(monthBefore.key))
    const quarter = periodContaining('quarterly', monthBefore.end).key
    expect(linksIn(month.text)).toContainEqual([
      `${paths.manage.scorecards}?period=${quarter}`,
      'See the scorecard by quarter',
    ])
    const byQuarter = await analyst.get(paths.manage.scorecards)
    expect(linksIn(byQuarter.text)).toContainEqual([byMonth(thisMonth.key), 'See the figures by month'])
  })

  it('carries the month into its downloads and outcome pages', async () => {
    const page = await analyst.get(byMonth(lastMonth.key))
    const csvHref = `${paths.manage.scorecardDownload('scorecard.csv')}?month=${lastMonth.key}`
    expect(page.text).toContain(`href="${csvHref}"`)
    expect(page.text).toContain(
      `href="${paths.manage.scorecardOutcome('prepared-future')}?month=${lastMonth.key}"`,
    )
    const csv = await analyst.get(csvHref)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-disposition']).toContain(`-scorecard-${lastMonth.key}.csv`)
    expect(csv.text).toMatch(/5\.4,[^\n]*,47(?:,|\r?\n)/)
    const [audit] = await fixture.database.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_events WHERE action = 'downloaded' ORDER BY occurred_at DESC LIMIT 1`,
    )
    expect(audit?.details).toEqual({ period: lastMonth.key })
    const outcome = await analyst.get(
      `${paths.manage.scorecardOutcome('prepared-future')}?month=${lastMonth.key}`,
    )
    expect(outcome.status).toBe(200)
    expect(visibleText(outcome.text)).toContain('47')
  })

  it.each(['2026-13', 'May 2026', '2026-Q3', '1999-12'])('refuses the month %s with 400', async (month) => {
    const response = await analyst.get(byMonth(encodeURIComponent(month)))
    expect(response.status).toBe(400)
    expect(response.text).not.toMatch(/at \w+ \(/)
  })

  it('refuses two months at once, and a month for a download, when not a month', async () => {
    expect((await analyst.get(`${byMonth(lastMonth.key)}&month=${monthBefore.key}`)).status).toBe(400)
    const download = `${paths.manage.scorecardDownload('scorecard.pdf')}?month=nonsense`
    expect((await analyst.get(download)).status).toBe(400)
  })

  it('offers no month to publish: publishing stays at the organisation’s frequency', async () => {
    const refused = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: lastMonth.key,
    })
    expect(refused.status).toBe(400)
    expect(await fixture.database.db.query('SELECT period FROM scorecard_runs')).toEqual([])
  })
})
