import request from 'supertest'
import { paths } from '../../server/paths'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import {
  administrativeIndicatorForm,
  alikeResponses,
  indicatorSection,
  startFrameworkFromTemplate,
  visibleText,
} from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let admin: Agent
let viewer: Agent

const comparisons = paths.manage.scorecardComparisons('1-1')
const listenedTo = `${paths.manage.scorecardOutcome('listened-to')}?period=2026-Q3`

const storedReferences = () =>
  fixture.database.db.query<{ number: string; period: string; area: string; value: string; source: string }>(
    `SELECT i.number, r.period, r.area, r.value::text AS value, r.source
       FROM indicator_reference_values r JOIN indicators i ON i.organisation_id = r.organisation_id AND i.id = r.indicator_id
      ORDER BY i.number, r.period, r.area`,
  )

const auditOf = () =>
  fixture.database.db.query<{ subject: string; details: { before: unknown; after: unknown } }>(
    `SELECT subject, details FROM audit_events WHERE action = 'reference-values-changed' ORDER BY occurred_at, id`,
  )

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst', email: 'analyst@council.example' })
  admin = await signedInAs(app, db, { organisationId, role: 'admin' })
  viewer = await signedInAs(app, db, { organisationId, role: 'viewer' })
  // July to September: 30 of 40 "very important" for every statement, 75% with a 95% interval of
  // about 59.8% to 85.8%.
  await insertResponses(db, { organisationId, surveyId: fixture.surveyIds['what-i-need'] ?? '' }, [
    ...alikeResponses(30, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-08-15T12:00:00+01:00'),
  ])
  await startFrameworkFromTemplate(analyst)
  const recomputed = await postForm(analyst, paths.manage.scorecards, paths.manage.scorecardRecompute, {
    period: '2026-Q3',
  })
  if (recomputed.status !== 303) throw new Error(`Recomputing gave ${recomputed.status}`)
  await workQueuedRuns(fixture.testApp)
})

describe('entering a comparison figure', () => {
  it('stores it with its source, audited, for an analyst', async () => {
    const page = await analyst.get(comparisons)
    expect(page.status).toBe(200)
    expect(visibleText(page.text)).toContain('No comparison figures yet.')
    const done = await postForm(analyst, comparisons, comparisons, {
      period: '2026-Q3',
      area: 'england',
      value: '55',
      source: 'National survey 2026',
    })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(comparisons)
    expect(await storedReferences()).toEqual([
      { number: '1.1', period: '2026-Q3', area: 'england', value: '55', source: 'National survey 2026' },
    ])
    const [audit] = await auditOf()
    expect(audit).toEqual({
      subject: '1.1',
      details: expect.objectContaining({
        before: { '1.1 2026-Q3 england': null },
        after: { '1.1 2026-Q3 england': '55 (National survey 2026)' },
      }) as unknown,
    })
    const listed = visibleText((await analyst.get(comparisons)).text)
    expect(listed).toContain('July to September 2026 England 55.0% National survey 2026')
  })

  it('answers bad input with every problem, keeps what was typed, and stores nothing', async () => {
    const before = await storedReferences()
    const audits = (await auditOf()).length
    const refused = await postForm(analyst, comparisons, comparisons, {
      period: '2026-Q5',
      area: 'wales',
      value: '55%',
      source: '',
    })
    expect(refused.status).toBe(400)
    const summary = visibleText(refused.text.slice(0, refused.text.indexOf('<h1')))
    expect(summary).toContain('There is a problem')
    expect(summary).toContain('"2026-Q5" is not a quarter.')
    expect(summary).toContain('"wales" is not an area.')
    expect(summary).toContain('"55%" is not a number.')
    expect(summary).toContain('Enter where the figure comes from')
    expect(refused.text).toContain('href="#period"')
    expect(refused.text).toContain('href="#area"')
    expect(refused.text).toContain('value="2026-Q5"')
    expect(refused.text).toContain('value="55%"')
    expect(await storedReferences()).toEqual(before)
    expect(await auditOf()).toHaveLength(audits)
  })

  it('refuses a viewer, and answers an unknown indicator with 404', async () => {
    const before = await storedReferences()
    const refused = await postForm(viewer, paths.manage.scorecards, comparisons, {
      period: '2026-Q3',
      area: 'region',
      value: '50',
      source: 'Regional data',
    })
    expect(refused.status).toBe(403)
    expect((await analyst.get(paths.manage.scorecardComparisons('9-9'))).status).toBe(404)
    expect(await storedReferences()).toEqual(before)
  })
})

describe('comparison figures on the scorecard', () => {
  it('says whether the local survey figure is significantly different, from its interval', async () => {
    await postForm(analyst, comparisons, comparisons, {
      period: '2026-Q3',
      area: 'region',
      value: '70',
      source: 'Regional data 2026',
    })
    const page = await analyst.get(listenedTo)
    const section = visibleText(indicatorSection(page.text, '1-1'))
    // 55% is below the interval of 75% of 40: better, as more is better; 70% lies inside it.
    expect(section).toContain('England 55.0% Significantly better than England Source: National survey 2026')
    expect(section).toContain(
      'Region 70.0% Not significantly different from the region Source: Regional data 2026',
    )
    const summary = visibleText((await analyst.get(`${paths.manage.scorecards}?period=2026-Q3`)).text)
    expect(summary).toContain('England: 55.0%')
  })

  it('does not test a figure with no count behind it', async () => {
    const indicator = await postForm(
      analyst,
      paths.manage.scorecardNewIndicator,
      paths.manage.scorecardNewIndicator,
      administrativeIndicatorForm(),
    )
    expect(indicator.status).toBe(303)
    const values = paths.manage.scorecardValues('5-2')
    expect((await postForm(analyst, values, values, { period: '2026-Q3', value: '61' })).status).toBe(303)
    const five = paths.manage.scorecardComparisons('5-2')
    expect(
      (
        await postForm(analyst, five, five, {
          period: '2026-Q3',
          area: 'england',
          value: '50.3',
          source: 'SEN2',
        })
      ).status,
    ).toBe(303)
    const page = await analyst.get(`${paths.manage.scorecardOutcome('prepared-future')}?period=2026-Q3`)
    expect(visibleText(indicatorSection(page.text, '5-2'))).toContain(
      'England 50.3% Compared with England: not tested, as this figure has no count of responses behind it',
    )
  })

  it('removes a figure, audited, and answers one that is not there with 404', async () => {
    const page = await analyst.get(comparisons)
    const removed = await analyst
      .post(`${comparisons}/remove`)
      .type('form')
      .send({ period: '2026-Q3', area: 'region', _csrf: csrfTokenIn(page.text) })
    expect(removed.status).toBe(303)
    expect(
      (await storedReferences()).filter((each) => each.number === '1.1').map((each) => each.area),
    ).toEqual(['england'])
    expect((await auditOf()).at(-1)).toEqual({
      subject: '1.1',
      details: expect.objectContaining({
        before: { '1.1 2026-Q3 region': '70 (Regional data 2026)' },
        after: { '1.1 2026-Q3 region': null },
      }) as unknown,
    })
    const again = await analyst
      .post(`${comparisons}/remove`)
      .type('form')
      .send({ period: '2026-Q3', area: 'region', _csrf: csrfTokenIn(page.text) })
    expect(again.status).toBe(404)
  })
})

describe('importing comparison figures', () => {
  const csv = (...lines: string[]) => Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8')

  async function upload(agent: Agent, file: Buffer) {
    const page = await agent.get(paths.manage.scorecardComparisonImport)
    return agent
      .post(paths.manage.scorecardComparisonImport)
      .field('_csrf', csrfTokenIn(page.text))
      .attach('file', file, { filename: 'comparisons.csv', contentType: 'text/csv' })
  }

  it('lists each bad row by its number and stores nothing from the file', async () => {
    const before = await storedReferences()
    const refused = await upload(
      analyst,
      csv(
        'indicator,period,area,value,source',
        '1.1,2026-Q3,neighbours,68,Statistical neighbours 2026',
        '1.1,2026-Q3,wales,50,DfE',
        '9.9,2026-Q3,england,50,DfE',
        '1.1,2026-Q3,england,150,DfE',
        '1.1,2026-Q2,region,50,',
      ),
    )
    expect(refused.status).toBe(400)
    const problems = visibleText(refused.text.slice(refused.text.indexOf('id="problems"')))
    expect(problems).toContain('3 "wales" is not an area. Write england, region or neighbours')
    expect(problems).toContain('4 There is no indicator numbered 9.9')
    expect(problems).toContain('5 A percentage must be between 0 and 100, not 150')
    expect(problems).toContain('6 Enter where the figure comes from')
    expect(problems).not.toMatch(/\b2 /)
    expect(await storedReferences()).toEqual(before)
  })

  it('stores every row of a good file, for survey and administrative indicators alike', async () => {
    const done = await upload(
      analyst,
      csv(
        'Indicator,Period,Area,Value,Source,Notes',
        '1.1,2026-Q3,neighbours,68,Statistical neighbours 2026,',
        '1.1,2026-Q2,england,54,National survey 2026,earlier',
        '5.2,2026-Q3,region,47.5,SEN2,',
      ),
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(`${paths.manage.scorecardComparisonImport}?imported=3`)
    expect(await storedReferences()).toEqual(
      expect.arrayContaining([
        {
          number: '1.1',
          period: '2026-Q3',
          area: 'neighbours',
          value: '68',
          source: 'Statistical neighbours 2026',
        },
        { number: '1.1', period: '2026-Q2', area: 'england', value: '54', source: 'National survey 2026' },
        { number: '5.2', period: '2026-Q3', area: 'region', value: '47.5', source: 'SEN2' },
      ]),
    )
  })
})

describe('comparison figures when published', () => {
  it('are frozen into the snapshot, shown on the public page and given in the open data', async () => {
    const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(published.status).toBe(303)
    await workQueuedRuns(fixture.testApp)
    const [snapshot] = await fixture.database.db.query<{ schema_version: number }>(
      'SELECT schema_version FROM scorecard_snapshots',
    )
    expect(snapshot?.schema_version).toBe(2)
    const slug = fixture.organisation.slug
    const page = visibleText(
      (await request(fixture.testApp.app).get(paths.publicScorecards.latest(slug))).text,
    )
    expect(page).toContain('England 55.0% Significantly better than England Source: National survey 2026')
    const json = await request(fixture.testApp.app).get(paths.publicScorecards.latestJson(slug))
    const body = json.body as {
      outcomes: { indicators: { number: string; references: { area: string; comparison: string }[] }[] }[]
    }
    const listened = body.outcomes.flatMap((each) => each.indicators).find((each) => each.number === '1.1')
    expect(listened?.references.map(({ area, comparison }) => [area, comparison])).toEqual([
      ['england', 'better'],
      ['neighbours', 'similar'],
    ])
    const easyRead = visibleText(
      (await request(fixture.testApp.app).get(paths.publicScorecards.easyRead(slug, 'latest'))).text,
    )
    expect(easyRead).toContain('In England, it is about 6 in 10. We are doing better.')
    expect(easyRead).toContain('In places like ours, it is about 7 in 10. Ours is about the same.')
    // A figure changed after publishing does not change what was published.
    await postForm(analyst, comparisons, comparisons, {
      period: '2026-Q3',
      area: 'england',
      value: '90',
      source: 'Corrected',
    })
    const again = visibleText(
      (await request(fixture.testApp.app).get(paths.publicScorecards.snapshot(slug, '2026-Q3'))).text,
    )
    expect(again).toContain('England 55.0%')
    expect(again).not.toContain('Corrected')
  })
})
