import fc from 'fast-check'
import { Journey, type Answers } from '../../server/respond/journey'
import { blankSurvey } from '../../server/surveyBuilder/model/blankSurvey'
import { addQuestion, moveQuestion, removeQuestion } from '../../server/surveyBuilder/model/questionEdits'
import { parseQuestionForm, valuesOfQuestion } from '../../server/surveyBuilder/model/questionForm'
import { questionKinds, type QuestionKind } from '../../server/surveyBuilder/model/questionKinds'
import { checkWorkingCopy, type WorkingCopy } from '../../server/surveyBuilder/model/workingCopy'
import { nonCommittalValues } from '../../server/surveys/questionTypes/choiceType'
import { numberRange } from '../../server/surveys/questionTypes/numberType'
import { questionTypeFor } from '../../server/surveys/questionTypes/registry'

/**
 * Whatever an analyst does in the builder, in any order, the working copy passes the survey schema
 * whenever an action is accepted, and a respondent can complete the survey it describes.
 */

const languages = ['en', 'cy'] as const
const words = ['Lunch', 'School', 'Home', 'Friends', 'Sport', 'Music', 'Bus', 'Garden']

type Action =
  | {
      kind: 'add'
      questionKind: QuestionKind
      title: string
      options: string[]
      optional: boolean
      flags: boolean
    }
  | { kind: 'move'; at: number; up: boolean }
  | { kind: 'remove'; at: number }
  | { kind: 'condition'; at: number; on: number; answer: number }

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    questionKind: fc.constantFrom(...questionKinds().filter((kind) => kind !== 'i-need-statement')),
    title: fc.constantFrom(...words),
    options: fc.shuffledSubarray(words, { minLength: 2, maxLength: 4 }),
    optional: fc.boolean(),
    flags: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), up: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('condition' as const), at: fc.nat(), on: fc.nat(), answer: fc.nat() }),
)

function apply(copy: WorkingCopy, step: Action): WorkingCopy {
  const questions = copy.definition.questions
  const pick = (index: number) => questions[index % questions.length]
  if (step.kind === 'add') {
    const values = valuesOfQuestion(undefined, copy.words, [...languages])
    for (const language of languages) values.titles[language] = `${step.title} ${language}`
    values.optional = step.optional ? 'yes' : 'no'
    values.options = step.options.map((option) => ({
      id: '',
      fixed: false,
      words: { en: option, cy: `${option} cy` },
    }))
    values.dontKnow = step.flags
    values.preferNotToSay = !step.flags
    values.bands = '5-7, 8-11, 12-plus'
    const parsed = parseQuestionForm(values, {
      kind: step.questionKind,
      languages: [...languages],
      existing: undefined,
      existingWords: copy.words,
      takenIds: questions.map((question) => question.id),
      outcomes: [],
    })
    if (!parsed.ok) throw new Error(`A valid form was refused: ${JSON.stringify(parsed.problems)}`)
    return accepted(addQuestion(copy, parsed.parsed.question, parsed.parsed.words))
  }
  const question = pick(step.at)
  if (!question) return copy
  if (step.kind === 'move') {
    const moved = moveQuestion(copy, question.id, step.up ? 'up' : 'down')
    return moved.ok ? accepted(moved.copy) : copy
  }
  if (step.kind === 'remove') {
    if (questions.length === 1) return copy
    const removed = removeQuestion(copy, question.id)
    return removed.ok ? accepted(removed.copy) : copy
  }
  const index = questions.indexOf(question)
  const earlier = questions.slice(0, index).filter((each) => questionTypeFor(each).values(each).length > 0)
  const on = earlier[step.on % Math.max(earlier.length, 1)]
  if (!on) return copy
  const values = questionTypeFor(on).values(on)
  const next = structuredClone(copy)
  next.definition.questions[index] = {
    ...question,
    askIf: { question: on.id, answers: [values[step.answer % values.length] ?? ''] },
  }
  return accepted(next)
}

function accepted(copy: WorkingCopy): WorkingCopy {
  const checked = checkWorkingCopy(copy)
  if (!checked.ok)
    throw new Error(`The builder made a copy the schema refuses: ${JSON.stringify(checked.issues)}`)
  return checked.copy
}

/** Answers every asked question with a value it accepts, as the pages would post it, to the end. */
function complete(copy: WorkingCopy): Answers {
  const answers: Answers = {}
  for (let guard = 0; guard < 200; guard += 1) {
    const step = new Journey(copy.definition, answers).firstUnanswered()
    if (step.kind === 'check-answers') return answers
    if (step.kind !== 'question') throw new Error('Only questions wait for an answer')
    const question = copy.definition.questions.find((each) => each.id === step.questionId)
    if (!question) throw new Error('The journey named a question the survey lacks')
    const type = questionTypeFor(question)
    const values = type.values(question).filter((value) => !nonCommittalValues.has(value))
    const posted =
      type.control === 'textarea'
        ? 'Some words'
        : question.type === 'number'
          ? String(numberRange(question).min)
          : values[0]
    const parsed = type.parse(posted, question)
    if (!parsed.ok) throw new Error(`A valid answer to ${question.id} was refused: ${parsed.error}`)
    answers[question.id] = parsed.value
  }
  throw new Error('The journey never reached check answers')
}

describe('any survey the builder can make', () => {
  it('passes the survey schema after every accepted action, and can be completed', () => {
    const start = blankSurvey({
      id: 'built',
      audience: 'young-person',
      easyRead: false,
      titles: { en: 'Built', cy: 'Wedi adeiladu' },
      translate: (language, key) => `${key} (${language})`,
    })
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const built = actions.reduce(apply, accepted(start))
        expect(new Journey(built.definition, complete(built)).firstUnanswered()).toEqual({
          kind: 'check-answers',
        })
      }),
      { seed: 20261205, numRuns: 150 },
    )
  })
})
