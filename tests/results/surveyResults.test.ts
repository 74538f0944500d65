import { NotFoundError } from '../../server/errors'
import { buildSurveyResults, loadSurveyResults } from '../../server/results/surveyResults'
import type { QuestionResult, ResultsFilter } from '../../server/results/types'
import { insertOrganisation, insertSurvey, publishVersion } from '../helpers/factories'
import { type TestDatabase } from '../helpers/testDatabase'
import { handCounts } from './handCounts'
import { insertResponses } from './insertResponses'
import { fortyResponses, openFortyResponses, resultsSurvey } from './resultsSurvey'

let database: TestDatabase
let survey: { organisationId: string; surveyId: string }

beforeAll(async () => {
  ;({ database, survey } = await openFortyResponses())
})
afterAll(() => database.drop())

const load = (threshold: number, filter: ResultsFilter = {}) =>
  loadSurveyResults(database.db, { ...survey, filter, threshold })

function questionIn(questions: QuestionResult[], id: string): QuestionResult {
  const question = questions.find((candidate) => candidate.questionId === id)
  if (!question) throw new Error(`No results for ${id}`)
  return question
}

const shown = (value: number) => ({ value, suppressed: false })
const hidden = { value: null, suppressed: true }

describe('loadSurveyResults on the 40 responses, threshold 5', () => {
  it('gives every question of the newest version, in order, and ignores answers to others', async () => {
    const results = await load(5)
    expect(results.surveyId).toBe(survey.surveyId)
    expect(results.responses).toEqual(shown(40))
    expect(results.threshold).toBe(5)
    expect(results.questions.map((question) => question.questionId)).toEqual([
      'importance',
      'agreement',
      'faces',
      'yes-no',
      'single',
      'multiple',
      'text',
      'age',
      'number',
    ])
  })

  it('leads an importance question with "very important", "I don\'t know" left out', async () => {
    // 21 very important, 8 important, 5 not important, 6 don't know: denominator 40 - 6 = 34.
    // 21 / 34 = 61.76%, 8 / 34 = 23.53%, 5 / 34 = 14.71%. Wilson for 21 of 34: z^2/n = 0.112984,
    // centre = (0.617647 + 0.056492) / 1.112984 = 0.605705, half = 1.761000 * sqrt(0.0069458 +
    // 0.00083076) = 0.155294: 45.04% to 76.10%.
    const importance = questionIn((await load(5)).questions, 'importance')
    expect(importance.answered).toEqual(shown(40))
    expect(importance.denominator).toEqual(shown(34))
    expect(importance.options.map((option) => [option.value, option.count.value, option.notCounted])).toEqual(
      [
        ['very-important', 21, false],
        ['important', 8, false],
        ['not-important', 5, false],
        ['dont-know', 6, true],
      ],
    )
    const shares = importance.options.map((option) => option.percentage)
    expect(shares[0]).toBeCloseTo(61.7647, 4)
    expect(shares[1]).toBeCloseTo(23.5294, 4)
    expect(shares[2]).toBeCloseTo(14.7059, 4)
    expect(shares[3]).toBeNull()
    expect(importance.headline?.positive).toEqual(['very-important'])
    expect(importance.headline?.numerator).toEqual(shown(21))
    expect(importance.headline?.percentage).toBeCloseTo(61.7647, 4)
    expect(importance.headline?.interval?.lower).toBeCloseTo(45.04, 2)
    expect(importance.headline?.interval?.upper).toBeCloseTo(76.1, 2)
    expect(importance.textAnswers).toBeUndefined()
  })

  it('adds up "strongly agree" and "agree", and suppresses small disagreements', async () => {
    // Strongly disagree 4 is small; neither (5) is the smallest shown and goes with it. Don't know
    // 7 is shown, so the denominator 40 - 7 = 33 is too. Positive: 8 + 10 = 18 of 33 = 54.55%.
    const agreement = questionIn((await load(5)).questions, 'agreement')
    expect(agreement.denominator).toEqual(shown(33))
    expect(agreement.options.map((option) => option.count)).toEqual([
      shown(8),
      shown(10),
      hidden,
      shown(6),
      hidden,
      shown(7),
    ])
    expect(
      agreement.options.map((option) => option.percentage && Number(option.percentage.toFixed(2))),
    ).toEqual([24.24, 30.3, null, 18.18, null, null])
    expect(agreement.headline?.numerator).toEqual(shown(18))
    expect(agreement.headline?.percentage).toBeCloseTo(54.5455, 4)
  })

  it('leads faces with "happy" and gives other types no headline', async () => {
    const { questions } = await load(5)
    // 21 happy of 40 - 5 don't know = 35: 60%.
    expect(questionIn(questions, 'faces').headline?.percentage).toBeCloseTo(60, 6)
    for (const id of ['yes-no', 'single', 'multiple', 'text', 'age'])
      expect(questionIn(questions, id).headline).toBeUndefined()
  })

  it('counts multiple choice per person for the denominator and per choice for the options', async () => {
    // 33 answered, 6 preferred not to say: 27. Football 15 / 27, music 23 / 27, drawing 9 / 27.
    const multiple = questionIn((await load(5)).questions, 'multiple')
    expect(multiple.answered).toEqual(shown(33))
    expect(multiple.denominator).toEqual(shown(27))
    expect(multiple.options.map((option) => option.percentage)).toEqual([
      (100 * 15) / 27,
      (100 * 23) / 27,
      (100 * 9) / 27,
      null,
    ])
  })

  it('gives free text how many answered and wrote something, and no options', async () => {
    const text = questionIn((await load(5)).questions, 'text')
    expect(text).toEqual({
      questionId: 'text',
      type: 'free-text',
      answered: shown(28),
      denominator: shown(28),
      options: [],
      textAnswers: shown(22),
      // Everyone was asked it (the 40 all have an answer stored); the 12 of b and f left it blank.
      notAsked: shown(0),
      noAnswer: shown(12),
    })
  })
})

describe('loadSurveyResults on the 40 responses, threshold 10', () => {
  it('hides percentages when a small "I don\'t know" would come back from the denominator', async () => {
    // Important 8, not important 5 and don't know 6 are small. Very important (21) is shown, and
    // so is its count as the numerator, but with don't know hidden the denominator is too.
    const importance = questionIn((await load(10)).questions, 'importance')
    expect(importance.options.map((option) => option.count)).toEqual([shown(21), hidden, hidden, hidden])
    expect(importance.options.every((option) => option.percentage === null)).toBe(true)
    expect(importance.denominator).toEqual(hidden)
    expect(importance.headline).toEqual({
      positive: ['very-important'],
      numerator: shown(21),
      percentage: null,
      interval: null,
    })
  })

  it('hides a second count so a lone small one cannot be worked out', async () => {
    // Not sure 7 is small; no (12) is the smallest shown and goes with it: 40 - 21 = 19 for both.
    const yesNo = questionIn((await load(10)).questions, 'yes-no')
    expect(yesNo.options.map((option) => option.count)).toEqual([shown(21), hidden, hidden])
  })

  it('suppresses more as a filter narrows the selection', async () => {
    // Welsh: 17 responses. Importance: very important 11, don't know 6. Don't know is small, so
    // very important goes with it; the numerator would give it back, so it goes too.
    const welsh = await load(10, { language: 'cy' })
    expect(welsh.responses).toEqual(shown(17))
    const importance = questionIn(welsh.questions, 'importance')
    expect(importance.answered).toEqual(shown(17))
    expect(importance.options.map((option) => option.count)).toEqual([hidden, shown(0), shown(0), hidden])
    expect(importance.headline?.numerator).toEqual(hidden)
    // Welsh and 8-11: the 6 of group d alone. Too few to show anything.
    const few = await load(10, { language: 'cy', aboutYou: { age: '8-11' } })
    expect(few.responses).toEqual(hidden)
    // Every question they answered; the number question was never in the responses (0 shown).
    expect(
      few.questions.every((question) => question.answered.suppressed || question.answered.value === 0),
    ).toBe(true)
    expect(
      few.questions
        .filter((question) => question.answered.value !== 0)
        .flatMap((question) => question.options)
        .every((option) => option.count.value === null),
    ).toBe(true)
  })
})

describe('loadSurveyResults across versions', () => {
  it('reads every response by all versions combined: dropped questions and options still count', async () => {
    const organisation = await insertOrganisation(database.db)
    const { surveyId } = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: resultsSurvey,
    })
    const changed = { organisationId: organisation.id, surveyId }
    await insertResponses(database.db, changed, fortyResponses)
    await publishVersion(database.db, {
      ...changed,
      version: 2,
      template: resultsSurvey,
      definition: {
        questions: resultsSurvey.definition.questions
          .filter((question) => question.id !== 'faces')
          .map((question) =>
            question.id === 'single' ? { ...question, options: ['bus', 'train'] } : question,
          ),
      },
    })
    const results = await loadSurveyResults(database.db, { ...changed, filter: {}, threshold: 5 })
    // Faces, dropped from version 2, keeps its place and its 40 answers to version 1.
    expect(results.questions.map((question) => question.questionId)).toContain('faces')
    expect(questionIn(results.questions, 'faces').answered).toEqual(shown(40))
    // Car (5) is no longer offered but was answered: bus 16, train 12, car 5, don't know 7 = 40
    // answered, 33 counted.
    const single = questionIn(results.questions, 'single')
    expect(single.options.map((option) => [option.value, option.count.value])).toEqual([
      ['bus', 16],
      ['train', 12],
      ['car', 5],
      ['dont-know', 7],
    ])
    expect(single.answered).toEqual(shown(40))
    expect(single.options[0]?.percentage).toBeCloseTo((100 * 16) / 33, 10)
  })

  it('refuses a survey the organisation does not have', async () => {
    const other = await insertOrganisation(database.db)
    await expect(
      loadSurveyResults(database.db, { organisationId: other.id, surveyId: survey.surveyId, filter: {} }),
    ).rejects.toBeInstanceOf(NotFoundError)
  })
})

describe('buildSurveyResults', () => {
  it('lists every option, with 0 for those nobody chose, and shares of nobody as null', () => {
    const results = buildSurveyResults({ definition: resultsSurvey.definition, counts: handCounts(0, {}) })
    expect(results.responses).toEqual(shown(0))
    expect(results.threshold).toBe(10)
    const faces = questionIn(results.questions, 'faces')
    expect(faces.options.map((option) => [option.value, option.count.value, option.percentage])).toEqual([
      ['happy', 0, null],
      ['okay', 0, null],
      ['sad', 0, null],
      ['dont-know', 0, null],
    ])
    expect(faces.headline).toEqual({
      positive: ['happy'],
      numerator: shown(0),
      percentage: null,
      interval: null,
    })
  })

  it('hides a small number of free-text answers, and every figure of a question too few answered', () => {
    const results = buildSurveyResults({
      definition: resultsSurvey.definition,
      counts: handCounts(12, { text: { answered: 12, written: 3 }, importance: { 'very-important': 7 } }),
    })
    expect(questionIn(results.questions, 'text').textAnswers).toEqual(hidden)
    expect(questionIn(results.questions, 'text').answered).toEqual(shown(12))
    const importance = questionIn(results.questions, 'importance')
    expect(importance.answered).toEqual(hidden)
    expect(importance.options.every((option) => option.count.suppressed && option.percentage === null)).toBe(
      true,
    )
    expect(importance.headline?.numerator).toEqual(hidden)
  })

  it('applies a threshold below 5 as 5, and says so', () => {
    const results = buildSurveyResults({
      definition: resultsSurvey.definition,
      counts: handCounts(4, {}),
      threshold: 2,
    })
    expect(results.threshold).toBe(5)
    expect(results.responses).toEqual(hidden)
  })
})
