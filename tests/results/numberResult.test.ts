import { buildNumberResult, quantile } from '../../server/results/numberResult'
import { paths } from '../../server/paths'
import { loadSurveyResults } from '../../server/results/surveyResults'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAgent } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { conditionalSurvey } from '../fixtures/conditionalSurvey'
import { insertResponses, repeated } from './insertResponses'

const question = conditionalSurvey.definition.questions.find(({ id }) => id === 'pet-count')
if (!question) throw new Error('The fixture lost its number question')

const countsOf = (options: Record<string, number>) => {
  const map = new Map(Object.entries(options))
  const answered = [...map.values()].reduce((sum, count) => sum + count, 0)
  return { answered, blank: 0, written: 0, options: map }
}

describe('quantile', () => {
  it('finds the median and quartiles between neighbours, as spreadsheets do', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2)
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25)
    expect(quantile([7], 0.5)).toBe(7)
  })
})

describe('number question results', () => {
  it('give the median and quartiles of the numbers, and count "I don\'t know" apart', () => {
    const result = buildNumberResult(question, {
      counts: countsOf({ '1': 4, '2': 6, '3': 5, '12': 1, 'dont-know': 10 }),
      responses: 30,
      threshold: 10,
    })
    expect(result.answered).toEqual({ value: 26, suppressed: false })
    expect(result.denominator).toEqual({ value: 16, suppressed: false })
    expect(result.numbers).toEqual({ median: 2, lowerQuartile: 1.75, upperQuartile: 3 })
    expect(result.options).toEqual([
      { value: 'dont-know', count: { value: 10, suppressed: false }, percentage: null, notCounted: true },
    ])
    expect(JSON.stringify(result)).not.toContain('12')
  })

  it('withhold the figures when too few gave a number, and the few "I don\'t know" with them', () => {
    const result = buildNumberResult(question, {
      counts: countsOf({ '4': 3, '5': 2, 'dont-know': 20 }),
      responses: 25,
      threshold: 10,
    })
    expect(result.numbers).toEqual({ median: null, lowerQuartile: null, upperQuartile: null })
    expect(result.denominator.suppressed).toBe(true)
    expect(result.options[0]?.count.suppressed).toBe(true)
  })

  it('withhold everything for a question too few answered', () => {
    const result = buildNumberResult(question, { counts: countsOf({ '4': 3 }), responses: 3, threshold: 5 })
    expect(result.answered.suppressed).toBe(true)
    expect(result.numbers?.median).toBeNull()
  })
})

describe("number questions in a survey's results", () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.drop())

  it('count only those asked, and read the numbers stored as text', async () => {
    const organisation = await insertOrganisation(database.db)
    const { surveyId } = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: conditionalSurvey,
    })
    const owner = (count: string) => ({
      'has-pet': 'yes',
      'pet-count': count,
      'pet-kinds': ['cat'],
      worries: null,
      age: '12',
    })
    await insertResponses(database.db, { organisationId: organisation.id, surveyId }, [
      ...repeated(6, { answers: owner('1') }),
      ...repeated(6, { answers: owner('3') }),
      ...repeated(12, { answers: { 'has-pet': 'no', worries: null, age: 'prefer-not-to-say' } }),
    ])
    const results = await loadSurveyResults(database.db, {
      organisationId: organisation.id,
      surveyId,
      filter: {},
      threshold: 5,
    })
    const petCount = results.questions.find(({ questionId }) => questionId === 'pet-count')
    expect(petCount?.answered.value).toBe(12)
    expect(petCount?.notAsked.value).toBe(12)
    expect(petCount?.numbers).toEqual({ median: 2, lowerQuartile: 1, upperQuartile: 3 })
    const dogWalks = results.questions.find(({ questionId }) => questionId === 'dog-walks')
    expect(dogWalks?.answered.value).toBe(0)
    expect(dogWalks?.notAsked.value).toBe(24)
    const age = results.questions.find(({ questionId }) => questionId === 'age')
    expect(age?.denominator.value).toBe(12)
    expect(age?.options).toEqual([
      {
        value: 'prefer-not-to-say',
        count: { value: 12, suppressed: false },
        percentage: null,
        notCounted: true,
      },
    ])

    // The results page, at the organisation's threshold of 10: the median and middle half, in words.
    const testApp = await buildTestApp(database.db)
    const analyst = await addOfficer(database.db, organisation.id, 'analyst')
    const agent = await signedInAgent(testApp.app, database.db, analyst)
    const page = await agent.get(paths.manage.results('pets-and-you'))
    expect(page.status).toBe(200)
    expect(page.text).toContain('Median (the middle number): 2')
    expect(page.text).toContain('Half of the numbers given were between 1 and 3.')
  })
})
