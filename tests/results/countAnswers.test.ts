import { countAnswers } from '../../server/results/countAnswers'
import type { ResultsFilter } from '../../server/results/types'
import { insertSurvey } from '../helpers/factories'
import { type TestDatabase } from '../helpers/testDatabase'
import { insertResponses } from './insertResponses'
import { plainCounts } from './plainCounts'
import { april, march, openFortyResponses, resultsSurvey } from './resultsSurvey'

let database: TestDatabase
let survey: { organisationId: string; surveyId: string }

beforeAll(async () => {
  ;({ database, survey } = await openFortyResponses())
})
afterAll(() => database.drop())

const count = async (filter: ResultsFilter = {}) =>
  plainCounts(await countAnswers(database.db, { ...survey, filter }))

describe('countAnswers', () => {
  it('counts every answer of all 40 responses', async () => {
    // By hand from the groups in resultsSurvey.ts: a 10, b 8, c 7, d 6, e 5, f 4.
    expect(await count()).toEqual({
      responses: 40,
      questions: {
        importance: {
          answered: 40,
          written: 0,
          // a + c + f = 10 + 7 + 4; b; e; d.
          options: { 'very-important': 21, important: 8, 'not-important': 5, 'dont-know': 6 },
        },
        agreement: {
          answered: 40,
          written: 0,
          options: {
            'strongly-agree': 8,
            agree: 10,
            neither: 5,
            disagree: 6,
            'strongly-disagree': 4,
            'dont-know': 7,
          },
        },
        // a + c + f; b; d; e.
        faces: { answered: 40, written: 0, options: { happy: 21, okay: 8, sad: 6, 'dont-know': 5 } },
        // a + d + e; b + f; c.
        'yes-no': { answered: 40, written: 0, options: { yes: 21, no: 12, 'not-sure': 7 } },
        // a + d; b + f; e; c.
        single: { answered: 40, written: 0, options: { bus: 16, train: 12, car: 5, 'dont-know': 7 } },
        multiple: {
          // Everyone but c (7 skipped it).
          answered: 33,
          written: 0,
          // a + e; a + b + e; e + f; d. One answer counts once for each value chosen.
          options: { football: 15, music: 23, drawing: 9, 'prefer-not-to-say': 6 },
        },
        // a + c + d + e answered (d only white space), a + c + e wrote something; no words returned.
        text: { answered: 28, written: 22, options: {} },
        // a + d; b + c; e; f.
        age: {
          answered: 40,
          written: 0,
          options: { '8-11': 16, '12-15': 15, '16-plus': 5, 'prefer-not-to-say': 4 },
        },
        // Counted as stored; the survey's results ignore questions its newest version lacks.
        'removed-question': { answered: 4, written: 0, options: { anything: 4 } },
      },
    })
  })

  it('narrows to a language', async () => {
    const welsh = await count({ language: 'cy' })
    // c + d + f = 7 + 6 + 4.
    expect(welsh.responses).toBe(17)
    expect(welsh.questions.importance?.options).toEqual({ 'very-important': 11, 'dont-know': 6 })
    expect(welsh.questions.text).toEqual({ answered: 13, written: 7, options: {} })
  })

  it('narrows to a calendar month in London, from inclusive and to exclusive', async () => {
    // March: a, c (its last millisecond) and f (its first instant) = 10 + 7 + 4.
    const inMarch = await count(march)
    expect(inMarch.responses).toBe(21)
    expect(inMarch.questions.single?.options).toEqual({ bus: 10, train: 4, 'dont-know': 7 })
    // April: b, d (its first instant) and e = 8 + 6 + 5.
    const inApril = await count(april)
    expect(inApril.responses).toBe(19)
    expect(inApril.questions.single?.options).toEqual({ bus: 6, train: 8, car: 5 })
  })

  it('takes either end of a period alone', async () => {
    expect((await count({ from: april.from })).responses).toBe(19)
    expect((await count({ to: march.to })).responses).toBe(21)
  })

  it('narrows to an about-you answer', async () => {
    const twelveToFifteen = await count({ aboutYou: { age: '12-15' } })
    // b + c = 8 + 7.
    expect(twelveToFifteen.responses).toBe(15)
    expect(twelveToFifteen.questions.importance?.options).toEqual({ important: 8, 'very-important': 7 })
    expect(twelveToFifteen.questions.multiple).toEqual({ answered: 8, written: 0, options: { music: 8 } })
  })

  it('applies every filter together', async () => {
    // Welsh and 8-11: d alone. Welsh in March: c + f.
    expect((await count({ language: 'cy', aboutYou: { age: '8-11' } })).responses).toBe(6)
    expect((await count({ language: 'cy', ...march })).responses).toBe(11)
    expect(
      (await count({ language: 'cy', ...march, aboutYou: { age: '12-15', faces: 'happy' } })).responses,
    ).toBe(7)
  })

  it('counts nothing, not an error, when nothing matches', async () => {
    expect(await count({ language: 'ur' })).toEqual({ responses: 0, questions: {} })
  })

  it('copes with odd stored answers: empty lists, nulls, and values that only look like lists', async () => {
    const { surveyId } = await insertSurvey(database.db, {
      organisationId: survey.organisationId,
      template: resultsSurvey,
      slug: 'odd-answers',
    })
    const odd = { organisationId: survey.organisationId, surveyId }
    await insertResponses(database.db, odd, [
      { language: 'en', submittedAt: '2025-03-10T10:00:00Z', answers: { multiple: [], importance: null } },
      { language: 'en', submittedAt: '2025-03-10T10:00:00Z', answers: { 'removed-question': '[not a list' } },
    ])
    expect(plainCounts(await countAnswers(database.db, { ...odd, filter: {} }))).toEqual({
      responses: 2,
      questions: {
        importance: { answered: 0, written: 0, options: {} },
        multiple: { answered: 0, written: 0, options: {} },
        'removed-question': { answered: 1, written: 0, options: { '[not a list': 1 } },
      },
    })
  })

  it('treats filter words as values, never as SQL', async () => {
    const hostile = { "age' OR '1'='1": "x'; DELETE FROM responses; --" }
    expect((await count({ aboutYou: hostile, language: "cy' OR 'a'='a" })).responses).toBe(0)
    expect((await count()).responses).toBe(40)
  })
})
