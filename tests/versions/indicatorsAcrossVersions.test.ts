import { paths } from '../../server/paths'
import { listFacts } from '../../server/scorecards/store/factQueries'
import { insertIndicator, type IndicatorFields } from '../../server/scorecards/store/indicatorQueries'
import { countRatings } from '../../server/scorecards/store/ratingCubeQueries'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { surveyFactsFor } from '../../server/scorecards/model/surveyFacts'
import type { Indicator, SurveyCounting } from '../../server/scorecards/model/types'
import { inputTag } from '../helpers/scorecards'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertVersionedSurvey, type VersionedSurvey } from './versionedSurvey'

let database: TestDatabase
let survey: VersionedSurvey
let analyst: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertVersionedSurvey(database.db)
  const testApp = await buildTestApp(database.db)
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: survey.organisationId,
    role: 'analyst',
  })
})
afterAll(() => database.drop())

const fields = (number: string, counting: SurveyCounting | null, frequency: Indicator['frequency']) =>
  ({
    outcomeId: null,
    number,
    wording: `Indicator ${number}`,
    kind: 'survey',
    unit: 'percentage',
    goodIs: 'up',
    frequency,
    source: 'Survey',
    dataOwner: 'Officer',
    baseline: null,
    amberTolerance: 5,
    surveyId: survey.surveyId,
    counting,
  }) satisfies IndicatorFields

/** An indicator's facts, counted from the survey's responses by the same query the recompute uses. */
async function factsOf(counting: SurveyCounting, frequency: Indicator['frequency'] = 'quarterly') {
  const cells = await countRatings(database.db, {
    ...survey,
    questions: counting.questions,
    aboutYouKeys: Object.keys(counting.aboutYou),
  })
  const indicator: Indicator = {
    ...fields('9.9', counting, frequency),
    id: 'indicator',
    targets: [],
    survey: { id: survey.surveyId, slug: survey.slug, counting },
  }
  return surveyFactsFor(indicator, cells).map(({ period, numerator, denominator }) => ({
    period,
    numerator,
    denominator,
  }))
}

/** The quarterly facts without their periods: every response falls in one quarter. */
const quarterOf = async (counting: SurveyCounting) =>
  (await factsOf(counting)).map(({ numerator, denominator }) => ({ numerator, denominator }))

const agreeing = { positive: ['strongly-agree', 'agree'], excluded: ['dont-know'], aboutYou: {} }

describe('survey indicators across an edit', () => {
  it('counts a question both versions asked across both: 30 of 40 agree, 10 of 20 then 20 of 20 by month', async () => {
    const counting = { questions: ['listened'], ...agreeing }
    expect(await quarterOf(counting)).toEqual([{ numerator: 30, denominator: 40 }])
    expect(await factsOf(counting, 'monthly')).toEqual([
      { period: '2025-01', numerator: 10, denominator: 20 },
      { period: '2025-02', numerator: 20, denominator: 20 },
    ])
  })

  it('leaves those not asked out of the denominator: a dropped question and a conditional one', async () => {
    expect(
      await quarterOf({ questions: ['home'], positive: ['happy'], excluded: ['dont-know'], aboutYou: {} }),
    ).toEqual([{ numerator: 10, denominator: 20 }])
    expect(
      await quarterOf({ questions: ['helped-how'], positive: ['more-time'], excluded: [], aboutYou: {} }),
    ).toEqual([{ numerator: 10, denominator: 20 }])
  })

  it('counts by stable answer values, whichever version offered them', async () => {
    expect(
      await quarterOf({ questions: ['transport'], positive: ['car', 'train'], excluded: [], aboutYou: {} }),
    ).toEqual([{ numerator: 20, denominator: 40 }])
  })

  it('lets an analyst count a question the newest version dropped, and recomputes its figure', async () => {
    await insertIndicator(database.db, survey.organisationId, fields('1.1', null, 'annual'))
    const counting = paths.manage.scorecardCounting('1-1')
    const page = await analyst.get(counting)
    expect(page.status).toBe(200)
    expect(inputTag(page.text, 'questions', 'home')).toContain('type="checkbox"')
    expect(inputTag(page.text, 'positive', 'happy')).toContain('type="checkbox"')
    // A dropped answer can be counted too.
    expect(inputTag(page.text, 'positive', 'car')).toContain('type="checkbox"')
    const saved = await postForm(analyst, counting, counting, {
      questions: 'home',
      positive: 'happy',
      excluded: 'dont-know',
    })
    expect(saved.status).toBe(303)
    await recomputeFacts(database.db, survey.organisationId)
    const { facts } = await listFacts(database.db, survey.organisationId)
    expect(facts.map(({ numerator, denominator, value }) => ({ numerator, denominator, value }))).toEqual([
      { numerator: 10, denominator: 20, value: 50 },
    ])
  })
})
