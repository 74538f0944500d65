import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import {
  administrativeIndicatorForm,
  allRows,
  countScorecardRows,
  inputTag,
  startFrameworkFromTemplate,
} from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent

beforeAll(async () => {
  analyst = await signedInAs(fixture.testApp.app, fixture.database.db, {
    organisationId: fixture.organisation.id,
    role: 'analyst',
  })
  await startFrameworkFromTemplate(analyst)
})

/** An administrative indicator as an analyst fills in the form: a baseline and three targets. */
const plansWithin20Weeks: Record<string, string> = administrativeIndicatorForm({
  baselineValue: '52.5',
  baselineDate: '2026-03-31',
  target1Date: '2026-06-30',
  target1Value: '60',
  target2Date: '2026-12-31',
  target2Value: '70',
  target3Date: '2027-03-31',
  target3Value: '75',
})

/** A checkbox or radio that is ticked. */
const checked = /\schecked(\s|>|$)/

const newIndicator = (fields: Record<string, string>) =>
  postForm(analyst, paths.manage.scorecardNewIndicator, paths.manage.scorecardNewIndicator, fields)

/** Everything an indicator form can change, to show a refused form changed none of it. */
const stored = async () => ({
  indicators: await allRows(fixture.database.db, 'indicators'),
  targets: await allRows(fixture.database.db, 'indicator_targets'),
})

interface IndicatorRow {
  number: string
  wording: string
  kind: string
  unit: string
  good_is: string
  frequency: string
  source: string
  data_owner: string
  baseline_value: string
  baseline_date: string
  amber_tolerance: string
  survey_id: string | null
  counting: unknown
}

async function indicatorNumbered(number: string): Promise<IndicatorRow | undefined> {
  const [row] = await fixture.database.db.query<IndicatorRow>(
    `SELECT number, wording, kind, unit, good_is, frequency, source, data_owner, baseline_value::text,
            to_char(baseline_date, 'YYYY-MM-DD') AS baseline_date, amber_tolerance::text, survey_id, counting
       FROM indicators WHERE organisation_id = $1 AND number = $2`,
    [fixture.organisation.id, number],
  )
  return row
}

async function targetsOf(number: string): Promise<{ date: string; value: string }[]> {
  return fixture.database.db.query(
    `SELECT to_char(t.target_date, 'YYYY-MM-DD') AS date, t.value::text AS value
       FROM indicator_targets t JOIN indicators i ON i.organisation_id = t.organisation_id AND i.id = t.indicator_id
      WHERE i.organisation_id = $1 AND i.number = $2 ORDER BY t.target_date`,
    [fixture.organisation.id, number],
  )
}

describe('the indicator form', () => {
  it('adds an administrative indicator with its baseline and three targets', async () => {
    const form = await analyst.get(paths.manage.scorecardNewIndicator)
    expect(form.status).toBe(200)
    expect(form.text).toMatch(
      /<option value="prepared-future"[^>]*>I need to be prepared for my future\.<\/option>/,
    )
    expect(form.text).toMatch(/<option value="what-i-need"[^>]*>What I need<\/option>/)

    const done = await newIndicator(plansWithin20Weeks)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)
    expect(await indicatorNumbered('5.2')).toEqual({
      number: '5.2',
      wording: '% of new EHC plans issued within 20 weeks',
      kind: 'administrative',
      unit: 'percentage',
      good_is: 'up',
      frequency: 'quarterly',
      source: 'Council SEND team',
      data_owner: 'Head of SEND',
      baseline_value: '52.5',
      baseline_date: '2026-03-31',
      amber_tolerance: '5',
      survey_id: null,
      counting: null,
    })
    expect(await targetsOf('5.2')).toEqual([
      { date: '2026-06-30', value: '60' },
      { date: '2026-12-31', value: '70' },
      { date: '2027-03-31', value: '75' },
    ])
    const [outcome] = await fixture.database.db.query<{ slug: string }>(
      `SELECT o.slug FROM indicators i JOIN outcomes o ON o.organisation_id = i.organisation_id AND o.id = i.outcome_id
        WHERE i.organisation_id = $1 AND i.number = '5.2'`,
      [fixture.organisation.id],
    )
    expect(outcome?.slug).toBe('prepared-future')
    const framework = await analyst.get(paths.manage.scorecardFramework)
    expect(framework.text).toContain('% of new EHC plans issued within 20 weeks')
  })

  const refusals: [string, Record<string, string>, string, string][] = [
    [
      'a baseline that is not a number',
      { number: '5.3', baselineValue: 'x' },
      '<a href="#baselineValue">Enter the baseline as a number, like 62.5</a>',
      'value="x"',
    ],
    [
      'no wording',
      { number: '5.3', wording: '  ', source: 'Kept source words' },
      '<a href="#wording">Enter what the indicator measures</a>',
      'value="Kept source words"',
    ],
    [
      'a baseline value without its date',
      { number: '5.3', baselineValue: '48', baselineDate: '' },
      '<a href="#baselineValue">Enter both the baseline value and its date, or neither</a>',
      'value="48"',
    ],
    [
      'a target date without its value',
      { number: '5.3', target2Date: '2026-12-31', target2Value: '' },
      '<a href="#target2Date">Enter both the target’s date and its value, or neither</a>',
      'value="2026-12-31"',
    ],
    [
      'a survey indicator with no survey',
      { number: '5.3', kind: 'survey', survey: '', wording: 'A survey figure with no survey' },
      '<a href="#survey">Choose the survey the figures come from</a>',
      'value="A survey figure with no survey"',
    ],
    [
      'a number another indicator has',
      { number: '1.1', wording: 'Wants the number of the first suggestion' },
      '<a href="#number">Another indicator already has this number</a>',
      'value="Wants the number of the first suggestion"',
    ],
    [
      'a target date that is not a real day',
      { number: '5.3', target1Date: '2026-02-30' },
      '<a href="#target1Date">Enter the target date as a real date</a>',
      'value="2026-02-30"',
    ],
    [
      'a survey indicator counted in anything but percentages',
      { number: '5.3', kind: 'survey', survey: 'what-i-need', unit: 'count' },
      '<a href="#unit">A survey indicator is a percentage</a>',
      'value="5.3"',
    ],
    [
      'a number that is not one',
      { number: 'five point three' },
      '<a href="#number">Enter the indicator number, like 2.3</a>',
      'value="five point three"',
    ],
  ]

  it.each(refusals)(
    'refuses %s with 400, an error summary and the input kept, changing nothing',
    async (_name, changes, summaryLink, kept) => {
      const before = await stored()
      const refused = await newIndicator({ ...plansWithin20Weeks, ...changes })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('<title>Error: Add an indicator')
      expect(refused.text).toContain('There is a problem')
      expect(refused.text).toContain(summaryLink)
      expect(refused.text).toContain(kept)
      expect(await stored()).toEqual(before)
    },
  )

  it('shows an indicator’s details for editing and saves changes to it and its targets', async () => {
    const form = await analyst.get(paths.manage.scorecardIndicator('5-2'))
    expect(form.status).toBe(200)
    expect(form.text).toContain('Change indicator 5.2')
    expect(form.text).toContain('value="% of new EHC plans issued within 20 weeks"')
    expect(form.text).toContain('value="2027-03-31"')

    const done = await postForm(
      analyst,
      paths.manage.scorecardIndicator('5-2'),
      paths.manage.scorecardIndicator('5-2'),
      {
        ...plansWithin20Weeks,
        wording: '% of new EHC plans issued within 20 weeks, excluding exceptions',
        dataOwner: 'SEND service manager',
        target2Date: '',
        target2Value: '',
        target3Value: '80',
      },
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)
    expect(await indicatorNumbered('5.2')).toMatchObject({
      wording: '% of new EHC plans issued within 20 weeks, excluding exceptions',
      data_owner: 'SEND service manager',
    })
    expect(await targetsOf('5.2')).toEqual([
      { date: '2026-06-30', value: '60' },
      { date: '2027-03-31', value: '80' },
    ])
    expect(await countScorecardRows(fixture.database.db, 'indicators')).toBe(8)
  })

  it('keeps the number when changing another indicator to it is refused', async () => {
    const before = await stored()
    const refused = await postForm(
      analyst,
      paths.manage.scorecardIndicator('5-2'),
      paths.manage.scorecardIndicator('5-2'),
      { ...plansWithin20Weeks, number: '5.1' },
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: Change indicator 5.2')
    expect(refused.text).toContain('<a href="#number">Another indicator already has this number</a>')
    expect(refused.text).toContain('value="5.1"')
    expect(await stored()).toEqual(before)
  })

  it('gives 404 for an indicator that does not exist', async () => {
    expect((await analyst.get(paths.manage.scorecardIndicator('9-9'))).status).toBe(404)
    expect((await analyst.get(paths.manage.scorecardIndicator('not-a-number'))).status).toBe(404)
    expect((await analyst.get(paths.manage.scorecardCounting('9-9'))).status).toBe(404)
    const posted = await postForm(
      analyst,
      paths.manage.scorecardFramework,
      paths.manage.scorecardIndicator('9-9'),
      plansWithin20Weeks,
    )
    expect(posted.status).toBe(404)
    expect(await indicatorNumbered('9.9')).toBeUndefined()
  })

  it('keeps each organisation’s indicators to itself', async () => {
    const other = await insertOrganisation(fixture.database.db)
    const outsider = await signedInAs(fixture.testApp.app, fixture.database.db, {
      organisationId: other.id,
      role: 'analyst',
    })
    const before = await stored()
    expect((await outsider.get(paths.manage.scorecardIndicator('5-2'))).status).toBe(404)
    const posted = await postForm(
      outsider,
      paths.manage.scorecardFramework,
      paths.manage.scorecardIndicator('5-2'),
      {
        ...plansWithin20Weeks,
        wording: 'Changed by another organisation',
      },
    )
    expect(posted.status).toBe(404)
    expect((await outsider.get(paths.manage.scorecardFramework)).text).toContain(
      'There are no outcome statements yet.',
    )
    expect(await stored()).toEqual(before)
  })

  it('has no counting page for an administrative indicator', async () => {
    expect((await analyst.get(paths.manage.scorecardCounting('5-2'))).status).toBe(404)
  })
})

describe('how a survey indicator is counted', () => {
  const counting = paths.manage.scorecardCounting('1-2')
  const countingOf = async () => (await indicatorNumbered('1.2'))?.counting

  it('sends a new survey indicator on to its counting page', async () => {
    const done = await newIndicator({
      ...plansWithin20Weeks,
      number: '1.2',
      wording: '% of young people aged 12 to 15 who say being heard matters',
      outcome: 'listened-to',
      kind: 'survey',
      survey: 'what-i-need',
      baselineValue: '',
      baselineDate: '',
      target1Date: '',
      target1Value: '',
      target2Date: '',
      target2Value: '',
      target3Date: '',
      target3Value: '',
    })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(counting)
    const saved = await indicatorNumbered('1.2')
    expect(saved?.kind).toBe('survey')
    expect(saved?.survey_id).toBe(fixture.surveyIds['what-i-need'])
    expect(saved?.counting).toBeNull()

    const page = await analyst.get(counting)
    expect(page.status).toBe(200)
    expect(page.text).toContain('From answers to the survey “What I need”')
    expect(inputTag(page.text, 'questions', 'listened-to')).toContain('type="checkbox"')
    expect(inputTag(page.text, 'questions', 'helper')).toContain('type="checkbox"')
    // Free text and the age group have no single rating to count.
    expect(() => inputTag(page.text, 'questions', 'life-better')).toThrow()
  })

  const refusals: [string, Record<string, string | string[]>, string][] = [
    [
      'questions with different kinds of answers',
      { questions: ['listened-to', 'helper'], positive: ['very-important'] },
      '<a href="#questions">Choose questions with the same kind of answers</a>',
    ],
    [
      'a positive answer the question does not offer',
      { questions: ['listened-to'], positive: ['strongly-agree'] },
      '<a href="#positive">Choose positive answers the chosen questions offer</a>',
    ],
    [
      'no question',
      { positive: ['very-important'] },
      '<a href="#questions">Choose at least one question</a>',
    ],
    [
      'no positive answer',
      { questions: ['listened-to'] },
      '<a href="#positive">Choose the answers that count as positive</a>',
    ],
    [
      'an answer both positive and left out',
      { questions: ['listened-to'], positive: ['very-important'], excluded: ['very-important'] },
      '<a href="#excluded">An answer cannot be both positive and left out</a>',
    ],
    [
      'respondents chosen by an answer the survey does not offer',
      { questions: ['listened-to'], positive: ['very-important'], 'about-age-group': '99-100' },
      'Choose respondents by answers the survey offers',
    ],
  ]

  it.each(refusals)('refuses %s with 400, storing no counting', async (_name, fields, summaryLink) => {
    const before = await stored()
    const refused = await postForm(analyst, counting, counting, fields as Record<string, string>)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('There is a problem')
    expect(refused.text).toContain(summaryLink)
    expect(await stored()).toEqual(before)
    expect(await countingOf()).toBeNull()
  })

  it('keeps the choices made when refusing them', async () => {
    const refused = await postForm(analyst, counting, counting, {
      questions: ['listened-to', 'helper'],
      positive: ['important'],
    } as unknown as Record<string, string>)
    expect(refused.status).toBe(400)
    expect(inputTag(refused.text, 'questions', 'listened-to')).toMatch(checked)
    expect(inputTag(refused.text, 'questions', 'helper')).toMatch(checked)
    expect(inputTag(refused.text, 'questions', 'healthiest')).not.toMatch(checked)
    expect(inputTag(refused.text, 'positive', 'important')).toMatch(checked)
    expect(inputTag(refused.text, 'positive', 'very-important')).not.toMatch(checked)
  })

  it('saves a good counting', async () => {
    const done = await postForm(analyst, counting, counting, {
      questions: ['listened-to', 'healthiest'],
      positive: ['very-important', 'important'],
      excluded: ['dont-know'],
      'about-age-group': '12-15',
      'about-helper': '',
      language: 'en',
    } as unknown as Record<string, string>)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)
    expect(await countingOf()).toEqual({
      questions: ['listened-to', 'healthiest'],
      positive: ['very-important', 'important'],
      excluded: ['dont-know'],
      aboutYou: { 'age-group': '12-15' },
      language: 'en',
    })
    const page = await analyst.get(counting)
    expect(inputTag(page.text, 'questions', 'healthiest')).toMatch(checked)
    expect(inputTag(page.text, 'excluded', 'dont-know')).toMatch(checked)
    expect(page.text).toMatch(/<option value="12-15" selected[^>]*>/)
  })

  it('keeps the counting when the indicator’s other details change', async () => {
    const form = await analyst.get(paths.manage.scorecardIndicator('1-2'))
    expect(form.text).toContain('href="/manage/scorecards/indicators/1-2/counting"')
    const done = await postForm(
      analyst,
      paths.manage.scorecardIndicator('1-2'),
      paths.manage.scorecardIndicator('1-2'),
      {
        ...plansWithin20Weeks,
        number: '1.2',
        wording: '% of 12 to 15 year olds who say being heard and being healthy matter',
        outcome: 'listened-to',
        kind: 'survey',
        survey: 'what-i-need',
        baselineValue: '',
        baselineDate: '',
        target1Date: '2026-12-31',
        target1Value: '85',
        target2Date: '',
        target2Value: '',
        target3Date: '',
        target3Value: '',
      },
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.manage.scorecardFramework)
    expect(await countingOf()).toMatchObject({ questions: ['listened-to', 'healthiest'] })
    expect(await targetsOf('1.2')).toEqual([{ date: '2026-12-31', value: '85' }])
  })
})
