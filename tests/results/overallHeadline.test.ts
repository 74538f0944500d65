import { buildOverallHeadline, loadOverallHeadline } from '../../server/results/overallHeadline'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import { loadTemplate } from '../../server/surveys/templates'
import { type TestDatabase } from '../helpers/testDatabase'
import { handCounts } from './handCounts'
import { openFortyResponses } from './resultsSurvey'

/** Six importance statements ("I need to be listened to and heard" ...), free text and about you. */
const { definition } = loadTemplate('what-i-need')

const listenedTo = { 'very-important': 30, important: 12, 'not-important': 10, 'dont-know': 0 }
const healthiest = { 'very-important': 25, important: 15, 'not-important': 10, 'dont-know': 0 }

describe('buildOverallHeadline', () => {
  it('is the share of all importance ratings that were "very important"', () => {
    // (30 + 25) of (52 + 50) = 55 / 102 = 53.92%; the four statements nobody rated add nothing.
    // Wilson for 55 of 102: p = 0.539216, z^2/n = 0.0376614, centre = (0.539216 + 0.0188307) /
    // 1.0376614 = 0.537785, half = 1.888833 * sqrt(0.00243764 + 0.0000923073) = 0.0950118:
    // 44.28% to 63.28%.
    const headline = buildOverallHeadline({
      definition,
      counts: handCounts(52, { 'listened-to': listenedTo, healthiest }),
    })
    expect(headline?.positive).toEqual(['very-important'])
    expect(headline?.numerator).toEqual({ value: 55, suppressed: false })
    expect(headline?.percentage).toBeCloseTo(53.9216, 4)
    expect(headline?.interval?.lower).toBeCloseTo(44.28, 2)
    expect(headline?.interval?.upper).toBeCloseTo(63.28, 2)
  })

  it('leaves "I don\'t know" out of the denominator', () => {
    // 30 of 52 + 10 don't know: still 30 / 52.
    const headline = buildOverallHeadline({
      definition,
      counts: handCounts(62, { 'listened-to': { ...listenedTo, 'dont-know': 10 } }),
    })
    expect(headline?.percentage).toBeCloseTo((100 * 30) / 52, 10)
  })

  it("is withheld when a statement's own denominator is, or the total would give it back", () => {
    // Healthiest has 3 "don't know": its denominator is hidden, and 102 minus listened-to's 52
    // would give it back.
    const headline = buildOverallHeadline({
      definition,
      counts: handCounts(55, { 'listened-to': listenedTo, healthiest: { ...healthiest, 'dont-know': 3 } }),
    })
    expect(headline).toEqual({
      positive: ['very-important'],
      numerator: { value: null, suppressed: true },
      percentage: null,
      interval: null,
    })
  })

  it('is withheld when a statement\'s "very important" count is', () => {
    // Safe: 4 very important (small) of 24. The overall numerator minus the others would give it.
    const safe = { 'very-important': 4, important: 10, 'not-important': 10 }
    const headline = buildOverallHeadline({
      definition,
      counts: handCounts(52, { 'listened-to': listenedTo, safe }),
    })
    expect(headline?.numerator.suppressed).toBe(true)
    expect(headline?.percentage).toBeNull()
  })

  it('is withheld when a statement has too few ratings to show', () => {
    const safe = { 'very-important': 0, important: 6 }
    const headline = buildOverallHeadline({
      definition,
      counts: handCounts(52, { 'listened-to': listenedTo, safe }),
    })
    expect(headline?.numerator.suppressed).toBe(true)
  })

  it('is null for a survey with no importance question', () => {
    const agreementOnly = surveyDefinitionSchema.parse({
      ...definition,
      questions: [{ id: 'know-who-to-contact', type: 'agreement' }],
    })
    expect(buildOverallHeadline({ definition: agreementOnly, counts: handCounts(0, {}) })).toBeNull()
  })
})

describe('loadOverallHeadline', () => {
  let database: TestDatabase
  let survey: { organisationId: string; surveyId: string }

  beforeAll(async () => {
    ;({ database, survey } = await openFortyResponses())
  })
  afterAll(() => database.drop())

  it('reads the selection from the database', async () => {
    // One importance question: 21 very important of 40 - 6 don't know = 34.
    const headline = await loadOverallHeadline(database.db, { ...survey, filter: {}, threshold: 5 })
    expect(headline?.numerator.value).toBe(21)
    expect(headline?.percentage).toBeCloseTo((100 * 21) / 34, 10)
    // At 10, the 6 "don't know" are hidden, and with them the question's denominator.
    const atTen = await loadOverallHeadline(database.db, { ...survey, filter: {}, threshold: 10 })
    expect(atTen?.percentage).toBeNull()
  })
})
