import { paths } from '../../server/paths'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import {
  alikeResponses,
  countScorecardRows,
  importanceQuestions,
  indicatorSection,
  mainHeading,
  rowStartingWith,
  startFrameworkFromTemplate,
  visibleText,
} from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let viewer: Agent
const summary = `${paths.manage.scorecards}?period=2026-Q3`
const listenedTo = `${paths.manage.scorecardOutcome('listened-to')}?period=2026-Q3`

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst' })
  viewer = await signedInAs(app, db, { organisationId, role: 'viewer' })
  const surveyId = fixture.surveyIds['what-i-need'] ?? ''
  // April to June: 10 of 20 "very important". July to September: 40 of 50, and 5 "I don't know",
  // left out of the percentage. Every statement is rated alike.
  await insertResponses(db, { organisationId, surveyId }, [
    ...alikeResponses(10, 'very-important', '2026-04-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-05-20T12:00:00+01:00'),
    ...alikeResponses(40, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-09-30T23:30:00+01:00'),
    ...alikeResponses(5, 'dont-know', '2026-08-01T09:00:00+01:00'),
    // Half an hour into October in London, though still September in UTC: the next quarter.
    ...alikeResponses(3, 'not-important', '2026-10-01T00:30:00+01:00'),
  ])
  await startFrameworkFromTemplate(analyst)
})

/** What an indicator's section of an outcome page says. */
const sectionText = (html: string, handle: string): string => visibleText(indicatorSection(html, handle))

const factRows = () =>
  fixture.database.db.query(
    `SELECT organisation_id, indicator_id, period, part, numerator, denominator, value::text AS value
       FROM indicator_facts ORDER BY indicator_id, period, part`,
  )

describe('the officers’ scorecards', () => {
  it('says the figures have not been calculated until someone recalculates them', async () => {
    const page = await analyst.get(summary)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Figures have not been calculated yet.')
    expect(rowStartingWith(page.text, '1.1')[2]).toBe('No figure')
    expect(await countScorecardRows(fixture.database.db, 'indicator_facts')).toBe(0)
  })

  it('recalculates the figures for an analyst in the background, showing how far it has got', async () => {
    const done = await postForm(analyst, summary, paths.manage.scorecardRecompute, { period: '2026-Q3' })
    expect(done.status).toBe(303)
    const runPage = String(done.headers.location)
    expect(runPage).toMatch(/^\/manage\/scorecards\/runs\/[0-9a-f-]{36}$/)
    const waiting = await analyst.get(runPage)
    expect(waiting.status).toBe(200)
    expect(waiting.text).toContain('Waiting to start')
    expect(waiting.text).toContain('Check how far it has got')
    await workQueuedRuns(fixture.testApp)
    const finished = await analyst.get(runPage)
    expect(finished.text).toContain('Done')
    expect(finished.text).toContain('href="/manage/scorecards">See the scorecards with the new figures</a>')
    const facts = await fixture.database.db.query<{
      number: string
      period: string
      part: string
      numerator: number
      denominator: number
    }>(
      `SELECT i.number, f.period, f.part, f.numerator, f.denominator
         FROM indicator_facts f JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
        ORDER BY i.number, f.period, f.part`,
    )
    expect(facts.filter((fact) => fact.number === '1.1')).toEqual([
      { number: '1.1', period: '2026-Q2', part: '', numerator: 10, denominator: 20 },
      { number: '1.1', period: '2026-Q3', part: '', numerator: 40, denominator: 50 },
      { number: '1.1', period: '2026-Q4', part: '', numerator: 0, denominator: 3 },
    ])
    // The overall headline pools all six statements' ratings, and keeps each statement's share.
    const overall = facts.filter((fact) => fact.number === '7.1')
    expect(overall.filter((fact) => fact.part === '')).toEqual([
      { number: '7.1', period: '2026-Q2', part: '', numerator: 60, denominator: 120 },
      { number: '7.1', period: '2026-Q3', part: '', numerator: 240, denominator: 300 },
      { number: '7.1', period: '2026-Q4', part: '', numerator: 0, denominator: 18 },
    ])
    expect(overall.filter((fact) => fact.period === '2026-Q3' && fact.part !== '')).toEqual(
      importanceQuestions
        .map((question) => ({
          number: '7.1',
          period: '2026-Q3',
          part: question,
          numerator: 40,
          denominator: 50,
        }))
        .sort((a, b) => a.part.localeCompare(b.part)),
    )
  })

  it('shows each indicator’s figure with n, its RAG status in words and its trend', async () => {
    const page = await viewer.get(summary)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Each outcome’s indicators for July to September 2026')
    expect(visibleText(page.text)).toMatch(/Figures last calculated \S/)
    expect(page.text).toMatch(/<option value="2026-Q3" selected[^>]*>July to September 2026<\/option>/)
    // 40 of 50 against 10 of 20: z = 2.51, p = 0.012, significant at 5%.
    expect(rowStartingWith(page.text, '1.1')).toEqual([
      '1.1',
      '% of young people answering “Very important” to “I need to be listened to and heard.”',
      '80.0% n = 50',
      'No target set',
      'Improving',
    ])
    expect(rowStartingWith(page.text, '7.1').slice(2)).toEqual([
      '80.0% n = 300',
      'No target set',
      'Improving',
    ])
    expect(page.text).toContain('href="/manage/scorecards/outcomes/listened-to?period=2026-Q3"')
  })

  it('shows one outcome in full: value, n, interval, period, RAG, trend and past figures', async () => {
    const page = await viewer.get(listenedTo)
    expect(page.status).toBe(200)
    expect(mainHeading(page.text)).toBe('I need to be listened to and heard.')
    const html = indicatorSection(page.text, '1-1')
    const section = visibleText(html)
    // Wilson, z = 1.96, 40 of 50: centre 0.7786, half-width 0.1090, so 67.0% to 88.8%.
    expect(section).toContain('80.0% (n = 50) 95% interval 67.0% to 88.8% July to September 2026')
    expect(section).toContain('RAG status No target set')
    expect(section).toContain('Trend Improving (Change: +30.0)')
    expect(rowStartingWith(html, 'April to June 2026')).toEqual(['April to June 2026', '50.0%', 'n = 20'])
    expect(rowStartingWith(html, 'July to September 2026')).toEqual([
      'July to September 2026',
      '80.0%',
      'n = 50',
    ])
    // A viewer gets no links to change the indicator.
    expect(html).not.toContain('/manage/scorecards/indicators/1-1')
  })

  it('gives analysts links to change the indicator and write commentary', async () => {
    const section = indicatorSection((await analyst.get(listenedTo)).text, '1-1')
    expect(section).toContain('href="/manage/scorecards/indicators/1-1"')
    expect(section).toContain('href="/manage/scorecards/indicators/1-1/commentary?period=2026-Q3"')
  })

  it('shows the indicators across all outcomes on a page of their own', async () => {
    const page = await viewer.get(`${paths.manage.scorecardOutcome('overall')}?period=2026-Q3`)
    expect(page.status).toBe(200)
    expect(mainHeading(page.text)).toBe('Across all outcomes')
    expect(sectionText(page.text, '7-1')).toContain('80.0% (n = 300)')
  })

  it('shows an earlier quarter with its own figures and nothing to compare with', async () => {
    const page = await viewer.get(`${paths.manage.scorecardOutcome('listened-to')}?period=2026-Q2`)
    const section = sectionText(page.text, '1-1')
    expect(section).toContain('50.0% (n = 20)')
    expect(section).toContain('Trend Nothing to compare with')
  })

  it('refuses a quarter that does not exist with 400', async () => {
    for (const period of ['2026-Q9', 'last-quarter', '2026-10']) {
      const summaryPage = await viewer.get(`${paths.manage.scorecards}?period=${period}`)
      expect(summaryPage.status).toBe(400)
      const outcomePage = await viewer.get(`${paths.manage.scorecardOutcome('listened-to')}?period=${period}`)
      expect(outcomePage.status).toBe(400)
    }
  })

  it('gives 404 for an outcome the organisation does not have', async () => {
    const page = await viewer.get(`${paths.manage.scorecardOutcome('i-need-a-pony')}?period=2026-Q3`)
    expect(page.status).toBe(404)
  })

  it('leaves the very same facts when recalculated again', async () => {
    const before = await factRows()
    const computedBefore = await fixture.database.db.query<{ computed_at: Date }>(
      'SELECT max(computed_at) AS computed_at FROM indicator_facts',
    )
    // Seven indicators' figures for three quarters, and the overall headline's six parts for each.
    expect(before.length).toBe(7 * 3 + 6 * 3)
    const done = await postForm(analyst, summary, paths.manage.scorecardRecompute, { period: '2026-Q3' })
    expect(done.status).toBe(303)
    await workQueuedRuns(fixture.testApp)
    const again = await postForm(analyst, summary, paths.manage.scorecardRecompute, { period: '2026-Q3' })
    expect(again.status).toBe(303)
    await workQueuedRuns(fixture.testApp)
    expect(await factRows()).toEqual(before)
    const computedAfter = await fixture.database.db.query<{ computed_at: Date }>(
      'SELECT max(computed_at) AS computed_at FROM indicator_facts',
    )
    expect(computedAfter[0]?.computed_at.getTime()).toBeGreaterThanOrEqual(
      computedBefore[0]?.computed_at.getTime() ?? Infinity,
    )
  })

  it('does not let a viewer recalculate', async () => {
    const before = await fixture.database.db.query('SELECT * FROM indicator_facts ORDER BY 1, 2, 3')
    const refused = await postForm(viewer, summary, paths.manage.scorecardRecompute, { period: '2026-Q3' })
    expect(refused.status).toBe(403)
    expect(await fixture.database.db.query('SELECT * FROM indicator_facts ORDER BY 1, 2, 3')).toEqual(before)
  })
})
