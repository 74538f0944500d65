import { paths } from '../../server/paths'
import { signedInAs, postForm, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import {
  countScorecardRows,
  rowStartingWith,
  startFrameworkFromTemplate,
  visibleText,
  iNeedStatements,
} from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let viewer: Agent

const statements = iNeedStatements

beforeAll(async () => {
  const { app } = fixture.testApp
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, fixture.database.db, { organisationId, role: 'analyst' })
  viewer = await signedInAs(app, fixture.database.db, { organisationId, role: 'viewer' })
})

/** The framework page's table for one outcome, found by its caption. */
const tableCaptioned = (html: string, caption: string): string => {
  const table = [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)]
    .map((match) => match[0])
    .find((each) => visibleText(/<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(each)?.[1] ?? '') === caption)
  if (!table) throw new Error(`No table captioned ${caption}`)
  return table
}

describe('the outcomes framework', () => {
  it('starts empty, offering analysts the "I need" template', async () => {
    const page = await analyst.get(paths.manage.scorecardFramework)
    expect(page.status).toBe(200)
    expect(page.text).toContain('There are no outcome statements yet.')
    expect(page.text).toContain('action="/manage/scorecards/framework/template"')
  })

  it('lets a viewer read the framework and the scorecards but not change them', async () => {
    const framework = await viewer.get(paths.manage.scorecardFramework)
    expect(framework.status).toBe(200)
    expect(framework.text).not.toContain('action="/manage/scorecards/framework/template"')
    expect(framework.text).not.toContain('action="/manage/scorecards/framework/outcomes"')
    expect((await viewer.get(`${paths.manage.scorecards}?period=2026-Q3`)).status).toBe(200)

    const template = await postForm(viewer, paths.manage.scorecardFramework, paths.manage.scorecardTemplate)
    expect(template.status).toBe(403)
    const outcome = await postForm(
      viewer,
      paths.manage.scorecardFramework,
      paths.manage.scorecardNewOutcome,
      {
        statement: 'I need a viewer to be able to add this.',
      },
    )
    expect(outcome.status).toBe(403)
    expect((await viewer.get(paths.manage.scorecardNewIndicator)).status).toBe(403)
    expect(await countScorecardRows(fixture.database.db, 'outcomes')).toBe(0)
    expect(await countScorecardRows(fixture.database.db, 'indicators')).toBe(0)
  })

  it('refuses the template without the page’s CSRF token', async () => {
    const response = await analyst.post(paths.manage.scorecardTemplate).type('form').send({})
    expect(response.status).toBe(403)
    expect(await countScorecardRows(fixture.database.db, 'outcomes')).toBe(0)
  })

  it('gives six outcomes and an indicator suggested for each survey question that evidences one', async () => {
    const done = await postForm(analyst, paths.manage.scorecardFramework, paths.manage.scorecardTemplate)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)

    const outcomes = await fixture.database.db.query<{ slug: string; position: number; statement: string }>(
      'SELECT slug, position, statement FROM outcomes WHERE organisation_id = $1 ORDER BY position',
      [fixture.organisation.id],
    )
    expect(outcomes.map((outcome) => outcome.statement)).toEqual(statements)
    expect(outcomes.map((outcome) => outcome.position)).toEqual([1, 2, 3, 4, 5, 6])
    expect(outcomes[0]?.slug).toBe('listened-to')

    const indicators = await fixture.database.db.query<{
      number: string
      outcome: string | null
      kind: string
      counting: unknown
    }>(
      `SELECT i.number, o.slug AS outcome, i.kind, i.counting
         FROM indicators i LEFT JOIN outcomes o ON o.organisation_id = i.organisation_id AND o.id = i.outcome_id
        WHERE i.organisation_id = $1 ORDER BY i.number`,
      [fixture.organisation.id],
    )
    expect(indicators.map((indicator) => [indicator.number, indicator.outcome])).toEqual([
      ['1.1', 'listened-to'],
      ['2.1', 'healthiest'],
      ['3.1', 'safe'],
      ['4.1', 'accepted-valued'],
      ['5.1', 'prepared-future'],
      ['6.1', 'enjoy-life'],
      ['7.1', null],
    ])
    expect(indicators.every((indicator) => indicator.kind === 'survey')).toBe(true)
    expect(indicators[0]?.counting).toEqual({
      questions: ['listened-to'],
      positive: ['very-important'],
      excluded: ['dont-know'],
      aboutYou: {},
    })
    expect(indicators[6]?.counting).toEqual({
      questions: ['listened-to', 'healthiest', 'safe', 'accepted-valued', 'prepared-future', 'enjoy-life'],
      positive: ['very-important'],
      excluded: ['dont-know'],
      aboutYou: {},
    })
  })

  it('shows the outcomes in order with their indicators, and the overall headline across all outcomes', async () => {
    const page = await analyst.get(paths.manage.scorecardFramework)
    expect(page.status).toBe(200)
    statements.forEach((statement, index) => {
      expect(tableCaptioned(page.text, `${index + 1}. ${statement}`)).toContain('<tbody')
    })
    const listened = tableCaptioned(page.text, '1. I need to be listened to and heard.')
    expect(rowStartingWith(listened, '1.1')).toEqual([
      '1.1',
      '% of young people answering “Very important” to “I need to be listened to and heard.”',
      'Survey',
      'Change indicator 1.1',
    ])
    expect(listened).toContain('href="/manage/scorecards/indicators/1-1"')
    const overall = tableCaptioned(page.text, 'Across all outcomes')
    expect(rowStartingWith(overall, '7.1')[1]).toBe(
      '% of all importance ratings by young people, across every statement, that were “Very important”',
    )
    expect(page.text).not.toContain('action="/manage/scorecards/framework/template"')
  })

  it('adds nothing when started from the template a second time', async () => {
    const counts = async () => ({
      outcomes: await countScorecardRows(fixture.database.db, 'outcomes'),
      indicators: await countScorecardRows(fixture.database.db, 'indicators'),
    })
    expect(await counts()).toEqual({ outcomes: 6, indicators: 7 })
    await startFrameworkFromTemplate(analyst)
    expect(await counts()).toEqual({ outcomes: 6, indicators: 7 })
  })

  it('adds an outcome statement after the others', async () => {
    const done = await postForm(analyst, paths.manage.scorecardFramework, paths.manage.scorecardNewOutcome, {
      statement: '  I need the right help at the right time.  ',
    })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)
    const [added] = await fixture.database.db.query<{ slug: string; position: number; statement: string }>(
      `SELECT slug, position, statement FROM outcomes WHERE organisation_id = $1 AND position = 7`,
      [fixture.organisation.id],
    )
    expect(added).toEqual({
      slug: 'i-need-the-right-help-at-the-right-time',
      position: 7,
      statement: 'I need the right help at the right time.',
    })
    const page = await analyst.get(paths.manage.scorecardFramework)
    expect(tableCaptioned(page.text, '7. I need the right help at the right time.')).toContain(
      'No indicators yet.',
    )
    expect(rowStartingWith(tableCaptioned(page.text, 'Across all outcomes'), '7.1')).toHaveLength(4)
  })

  it('refuses an empty statement with 400 and an error summary, storing nothing', async () => {
    const before = await countScorecardRows(fixture.database.db, 'outcomes')
    const refused = await postForm(
      analyst,
      paths.manage.scorecardFramework,
      paths.manage.scorecardNewOutcome,
      {
        statement: '   ',
      },
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: ')
    expect(refused.text).toContain('There is a problem')
    expect(refused.text).toContain('<a href="#statement">Enter the outcome statement</a>')
    expect(refused.text).toContain('govuk-input--error')
    expect(await countScorecardRows(fixture.database.db, 'outcomes')).toBe(before)
  })

  it('refuses a statement already there and one too long, keeping what was typed', async () => {
    const before = await countScorecardRows(fixture.database.db, 'outcomes')
    const taken = await postForm(analyst, paths.manage.scorecardFramework, paths.manage.scorecardNewOutcome, {
      statement: 'I need the right help at the right time!',
    })
    expect(taken.status).toBe(400)
    expect(taken.text).toContain('<a href="#statement">There is already an outcome with this statement</a>')
    expect(taken.text).toContain('value="I need the right help at the right time!"')

    const long = `I need ${'a great deal of things '.repeat(10)}`
    const tooLong = await postForm(
      analyst,
      paths.manage.scorecardFramework,
      paths.manage.scorecardNewOutcome,
      {
        statement: long,
      },
    )
    expect(tooLong.status).toBe(400)
    expect(tooLong.text).toContain(
      '<a href="#statement">The outcome statement must be 200 characters or fewer</a>',
    )
    expect(tooLong.text).toContain(`value="${long}"`)
    expect(await countScorecardRows(fixture.database.db, 'outcomes')).toBe(before)
  })

  it('refuses a statement posted without the CSRF token', async () => {
    const before = await countScorecardRows(fixture.database.db, 'outcomes')
    const page = await analyst.get(paths.manage.scorecardFramework)
    expect(csrfTokenIn(page.text)).not.toBe('')
    const response = await analyst
      .post(paths.manage.scorecardNewOutcome)
      .type('form')
      .send({ statement: 'I need a token to be checked.' })
    expect(response.status).toBe(403)
    expect(await countScorecardRows(fixture.database.db, 'outcomes')).toBe(before)
  })

  it('lets a viewer see the filled framework without links to change it', async () => {
    const page = await viewer.get(paths.manage.scorecardFramework)
    expect(page.status).toBe(200)
    const listened = tableCaptioned(page.text, '1. I need to be listened to and heard.')
    expect(rowStartingWith(listened, '1.1')[3]).toBe('')
    expect(page.text).not.toContain('href="/manage/scorecards/indicators/1-1"')
    const scorecards = await viewer.get(`${paths.manage.scorecards}?period=2026-Q3`)
    expect(scorecards.status).toBe(200)
    expect(scorecards.text).toContain('I need to be listened to and heard.')
    expect(scorecards.text).not.toContain('action="/manage/scorecards/recompute"')
  })
})
