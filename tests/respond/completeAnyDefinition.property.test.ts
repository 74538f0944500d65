import fc from 'fast-check'
import { Journey, type Answers, type Step } from '../../server/respond/journey'
import { insertDraft } from '../../server/respond/queries'
import { submitResponse } from '../../server/respond/submitResponse'
import { answersHashFor } from '../../server/responseLimits/model/clientKey'
import {
  questionSchema,
  surveyDefinitionSchema,
  type QuestionDefinition,
  type SurveyDefinition,
} from '../../server/surveys/definitionSchema'
import { nonCommittalValues } from '../../server/surveys/questionTypes/choiceType'
import { numberRange } from '../../server/surveys/questionTypes/numberType'
import { questionTypeFor, questionTypeNames } from '../../server/surveys/questionTypes/registry'
import type { SurveyWords } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

/**
 * Any definition built from valid parts passes the schema, and a respondent can complete it: the
 * journey is walked with random valid answers, as the pages would post them, to check answers, and
 * the draft is sent through the real submit on one database.
 */

const runs = { seed: 20261205, numRuns: 50 }
const optionPool = ['red', 'green', 'blue', 'yellow', 'pink', 'grey']
const bandPool = ['under-8', '8-11', '12-15', '16-19', '20-plus']
const flag = fc.boolean()

const typeParts: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  importance: fc.constant({}),
  agreement: fc.constant({}),
  faces: fc.constant({}),
  'yes-no-not-sure': fc.constant({}),
  'single-choice': fc.record({
    options: fc.shuffledSubarray(optionPool, { minLength: 2 }),
    dontKnow: flag,
    preferNotToSay: flag,
  }),
  'multiple-choice': fc.record({
    options: fc.shuffledSubarray(optionPool, { minLength: 2 }),
    dontKnow: flag,
    preferNotToSay: flag,
  }),
  'free-text': fc.record({ maxLength: fc.integer({ min: 10, max: 5000 }) }),
  'age-group': fc.record({ bands: fc.subarray(bandPool, { minLength: 2 }) }),
  number: fc
    .record({
      ends: fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })),
      hasMin: flag,
      hasMax: flag,
      dontKnow: flag,
      preferNotToSay: flag,
    })
    .map(({ ends: [a, b], hasMin, hasMax, dontKnow, preferNotToSay }) => ({
      ...(hasMin ? { min: Math.min(a, b) } : {}),
      ...(hasMax ? { max: Math.max(a, b) } : {}),
      dontKnow,
      preferNotToSay,
    })),
}

/** A question without its condition; each type in the registry is as likely as any other. */
const questionPart = fc
  .record({
    type: fc.constantFrom(...questionTypeNames),
    optional: flag,
    aboutYou: flag,
  })
  .chain((common) => (typeParts[common.type] ?? fc.constant({})).map((own) => ({ ...common, ...own })))

/** Where a condition points and which answers it takes, chosen among what exists once built. */
const conditionPart = fc.option(
  fc.record({ target: fc.nat(), answers: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
)

const definitionArbitrary = fc
  .record({
    parts: fc.array(fc.tuple(questionPart, conditionPart), { minLength: 1, maxLength: 10 }),
    pages: fc.array(fc.option(fc.nat()), { maxLength: 4 }),
    easyRead: flag,
  })
  .map(({ parts, pages, easyRead }) => {
    const questions: QuestionDefinition[] = []
    const raw = parts.map(([part, condition], index) => {
      const id = `q${index}`
      const earlier = questions.filter((each) => questionTypeFor(each).values(each).length > 0)
      const target = condition && earlier[condition.target % Math.max(earlier.length, 1)]
      const values = target ? questionTypeFor(target).values(target) : []
      const answers = [
        ...new Set((condition?.answers ?? []).map((pick) => values[pick % values.length] ?? '')),
      ]
      const askIf = target ? { askIf: { question: target.id, answers } } : {}
      const question = { id, ...part, ...askIf }
      questions.push(questionSchema.parse(question))
      return question
    })
    return {
      id: 'random-survey',
      audience: 'young-person',
      easyRead,
      estimatedMinutes: 5,
      questions: raw,
      informationPages: pages.map((before, index) => ({
        id: `page-${index}`,
        ...(before === null ? {} : { before: `q${before % raw.length}` }),
      })),
    }
  })

/** What a respondent might post on a question's page: always something the page accepts. */
function postedAnswer(question: QuestionDefinition, gen: fc.GeneratorValue): string | string[] {
  const type = questionTypeFor(question)
  if (question.optional && gen(fc.integer, { min: 0, max: 4 }) === 0) return ''
  const offered = type.items(question, (value) => value).map((item) => item.value)
  const aside = offered.filter((value) => nonCommittalValues.has(value))
  if (type.control === 'textarea') return gen(fc.stringMatching, /^[A-Za-z][A-Za-z .,'!?]{0,30}$/)
  if (type.control === 'number') {
    if (aside.length > 0 && gen(fc.boolean)) return ['', gen(() => fc.constantFrom(...aside))]
    const { min, max } = numberRange(question)
    return String(gen(fc.integer, { min, max }))
  }
  if (type.control === 'radios') return gen(() => fc.constantFrom(...offered))
  const plain = offered.filter((value) => !nonCommittalValues.has(value))
  if (aside.length > 0 && gen(fc.integer, { min: 0, max: 3 }) === 0)
    return [gen(() => fc.constantFrom(...aside))]
  return gen(() => fc.subarray(plain, { minLength: 1 }))
}

/** Walks the journey from the first step to check answers, answering every question it is shown. */
function completeJourney(
  definition: SurveyDefinition,
  gen: fc.GeneratorValue,
): { answers: Answers; seen: Step[] } {
  const answers: Answers = {}
  const seen: Step[] = []
  let step = new Journey(definition, answers).firstUnanswered()
  const limit = (definition.questions.length + definition.informationPages.length) * 2 + 2
  while (step.kind !== 'check-answers') {
    const journey = new Journey(definition, answers)
    expect(journey.canVisit(step)).toBe(true)
    seen.push(step)
    if (seen.length > limit) throw new Error('The journey did not reach check answers')
    if (step.kind === 'question') {
      const question = journey.question(step.questionId)
      if (!question) throw new Error(`No question ${step.questionId}`)
      expect(journey.isAsked(question.id)).toBe(true)
      const parsed = questionTypeFor(question).parse(postedAnswer(question, gen), question)
      if (!parsed.ok) throw new Error(`A valid answer to ${question.id} was refused: ${parsed.error}`)
      answers[question.id] = parsed.value
    }
    step = new Journey(definition, answers).next(step)
  }
  return { answers, seen }
}

function wordsFor(definition: SurveyDefinition): SurveyWords {
  return {
    title: 'A random survey',
    start: { purpose: ['A survey made by a test.'], answers: ['Nobody reads these.'] },
    questions: Object.fromEntries(definition.questions.map(({ id }) => [id, { title: `Question ${id}` }])),
    pages: Object.fromEntries(
      definition.informationPages.map(({ id }) => [id, { title: `Page ${id}`, body: ['Some words.'] }]),
    ),
  }
}

let database: TestDatabase
let testApp: TestApp
let organisationId: string

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisationId = (await insertOrganisation(database.db)).id
})
afterAll(() => database.drop())

describe('any definition built from valid parts', () => {
  it('passes the schema', () => {
    fc.assert(
      fc.property(definitionArbitrary, (input) => {
        const parsed = surveyDefinitionSchema.safeParse(input)
        expect(parsed.success ? [] : parsed.error.issues).toEqual([])
      }),
      { ...runs, numRuns: 500 },
    )
  })

  it("is refused, at the condition's path, once a condition points forward, nowhere, or at a wrong value", () => {
    const broken = definitionArbitrary.chain((input) =>
      fc.record({
        input: fc.constant(input),
        at: fc.nat({ max: input.questions.length - 1 }),
        fault: fc.constantFrom('forward', 'missing', 'value'),
        offset: fc.nat(),
      }),
    )
    fc.assert(
      fc.property(broken, ({ input, at, fault, offset }) => {
        const questions = input.questions.map((question) => ({ ...question })) as Record<string, unknown>[]
        const ahead = at + (offset % (questions.length - at))
        const askIf = {
          forward: { question: `q${ahead}`, answers: ['yes'] },
          missing: { question: 'no-such-question', answers: ['yes'] },
          value: { question: 'q0', answers: ['not-an-answer'] },
        }[fault]
        if (fault === 'value' && at === 0) return
        const target = questions[at]
        if (target) target.askIf = askIf
        const parsed = surveyDefinitionSchema.safeParse({ ...input, questions })
        expect(parsed.success).toBe(false)
        const paths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
        const first = questionSchema.parse(questions[0])
        const wrongValue = fault === 'value' && questionTypeFor(first).values(first).length > 0
        expect(paths).toContain(`questions.${at}.askIf.${wrongValue ? 'answers.0' : 'question'}`)
      }),
      runs,
    )
  })

  it('can be completed by a respondent, who sends exactly the answers of the questions asked', async () => {
    let surveyNumber = 0
    await fc.assert(
      fc.asyncProperty(definitionArbitrary, fc.gen(), async (input, gen) => {
        const definition = surveyDefinitionSchema.parse(input)
        const { answers, seen } = completeJourney(definition, gen)
        const journey = new Journey(definition, answers)
        expect(journey.isComplete).toBe(true)
        expect(journey.canVisit({ kind: 'check-answers' })).toBe(true)
        const askedIds = definition.questions.filter(({ id }) => journey.isAsked(id)).map(({ id }) => id)
        expect(seen.filter((step) => step.kind === 'question').map((step) => step.questionId)).toEqual(
          askedIds,
        )

        surveyNumber += 1
        const slug = `random-${surveyNumber}`
        const { surveyId } = await insertSurvey(database.db, {
          organisationId,
          slug,
          template: { definition, words: { en: wordsFor(definition) } },
        })
        const survey = { organisationId, surveyId }
        const draft = await insertDraft(database.db, {
          ...survey,
          version: 1,
          language: 'en',
          ttlDays: 1,
          startedAt: new Date(Date.now() - 3_600_000),
          groupSessionId: null,
        })
        await database.db.query('UPDATE drafts SET answers = $2 WHERE id = $1', [
          draft.id,
          JSON.stringify(answers),
        ])
        const outcome = await submitResponse(database.db, {
          survey,
          draftId: draft.id,
          now: new Date(),
          sender: {
            clientKey: `property-${surveyNumber}`,
            hashAnswers: (sent) => answersHashFor('property-test', sent),
            settings: testApp.config.responseLimits,
          },
          jobs: testApp.jobQueue,
        })
        expect(outcome.kind).toBe('submitted')
        const [row] = await database.db.query<{ answers: Answers }>(
          `SELECT answers FROM responses WHERE organisation_id = $1 AND survey_id = $2
           UNION ALL SELECT answers FROM held_responses WHERE organisation_id = $1 AND survey_id = $2`,
          [organisationId, surveyId],
        )
        expect(Object.keys(row?.answers ?? {}).sort()).toEqual([...askedIds].sort())
        expect(row?.answers).toEqual(journey.askedAnswers())
      }),
      runs,
    )
  }, 120_000)
})
