import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import { checkTemplate, listTemplateIds, loadTemplate } from '../../server/surveys/templates'
import { conditionalSurvey } from '../fixtures/conditionalSurvey'

const base = { id: 'rules', audience: 'young-person', easyRead: true, estimatedMinutes: 2 }

/** Every issue as [path joined by dots, message]. */
function problems(input: Record<string, unknown>): [string, string][] {
  const parsed = surveyDefinitionSchema.safeParse({ ...base, ...input })
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])
}

const choice = { id: 'pet', type: 'single-choice', options: ['dog', 'cat'], dontKnow: true }

describe('conditions', () => {
  it('accept a condition on an earlier question with fixed answers, for every choice type', () => {
    expect(
      problems({
        questions: [
          choice,
          { id: 'many', type: 'multiple-choice', options: ['a', 'b'], preferNotToSay: true },
          { id: 'age', type: 'age-group', bands: ['under-8', '8-11'] },
          { id: 'q1', type: 'faces', askIf: { question: 'pet', answers: ['dog', 'dont-know'] } },
          { id: 'q2', type: 'agreement', askIf: { question: 'many', answers: ['prefer-not-to-say'] } },
          { id: 'q3', type: 'free-text', askIf: { question: 'age', answers: ['8-11'] } },
          { id: 'q4', type: 'number', askIf: { question: 'q1', answers: ['happy'] } },
        ],
      }),
    ).toEqual([])
  })

  it('refuse a condition that points forward, at itself, or at a missing question, each at its path', () => {
    expect(
      problems({
        questions: [
          { id: 'first', type: 'yes-no-not-sure', askIf: { question: 'second', answers: ['yes'] } },
          { id: 'second', type: 'yes-no-not-sure', askIf: { question: 'second', answers: ['yes'] } },
          { id: 'third', type: 'yes-no-not-sure', askIf: { question: 'gone', answers: ['yes'] } },
        ],
      }),
    ).toEqual([
      ['questions.0.askIf.question', 'question second comes later; a condition must point back'],
      ['questions.1.askIf.question', 'a question cannot depend on its own answer'],
      ['questions.2.askIf.question', 'there is no question gone'],
    ])
  })

  it('refuse values the question cannot store, and questions with open answers', () => {
    expect(
      problems({
        questions: [
          choice,
          { id: 'words', type: 'free-text' },
          { id: 'count', type: 'number', dontKnow: true },
          {
            id: 'a',
            type: 'faces',
            askIf: { question: 'pet', answers: ['dog', 'fish', 'prefer-not-to-say'] },
          },
          { id: 'b', type: 'faces', askIf: { question: 'words', answers: ['hello'] } },
          { id: 'c', type: 'faces', askIf: { question: 'count', answers: ['dont-know'] } },
        ],
      }),
    ).toEqual([
      ['questions.3.askIf.answers.1', 'question pet cannot have the answer fish'],
      ['questions.3.askIf.answers.2', 'question pet cannot have the answer prefer-not-to-say'],
      ['questions.4.askIf.question', 'question words has no fixed answers to depend on'],
      ['questions.5.askIf.question', 'question count has no fixed answers to depend on'],
    ])
  })

  it('refuse an empty list of answers and a repeated answer', () => {
    expect(
      problems({
        questions: [choice, { id: 'a', type: 'faces', askIf: { question: 'pet', answers: [] } }],
      })[0]?.[0],
    ).toBe('questions.1.askIf.answers')
    expect(
      problems({
        questions: [choice, { id: 'a', type: 'faces', askIf: { question: 'pet', answers: ['dog', 'dog'] } }],
      }),
    ).toEqual([['questions.1.askIf.answers.1', 'duplicate answer dog']])
  })
})

describe('number questions', () => {
  it('take whole-number limits, min not above max, and default their flags to off', () => {
    const parsed = surveyDefinitionSchema.parse({ ...base, questions: [{ id: 'n', type: 'number', min: 0 }] })
    expect(parsed.questions[0]).toMatchObject({ min: 0, dontKnow: false, preferNotToSay: false })
    expect(problems({ questions: [{ id: 'n', type: 'number', min: 5, max: 4 }] })).toEqual([
      ['questions.0.max', 'max must not be less than min'],
    ])
    expect(problems({ questions: [{ id: 'n', type: 'number', max: 1.5 }] })[0]?.[0]).toBe('questions.0.max')
    expect(problems({ questions: [{ id: 'n', type: 'number', min: 3, max: 3 }] })).toEqual([])
  })

  it('give multiple choice an "I don\'t know" that is off unless asked for', () => {
    const parsed = surveyDefinitionSchema.parse({
      ...base,
      questions: [{ id: 'm', type: 'multiple-choice', options: ['a', 'b'] }],
    })
    expect(parsed.questions[0]).toMatchObject({ dontKnow: false })
  })
})

describe('information pages', () => {
  const questions = [choice, { id: 'words', type: 'free-text' }]

  it('default to none, and sit before a question or at the end', () => {
    expect(surveyDefinitionSchema.parse({ ...base, questions }).informationPages).toEqual([])
    expect(
      problems({ questions, informationPages: [{ id: 'intro', before: 'pet' }, { id: 'end' }] }),
    ).toEqual([])
  })

  it('refuse a page before a missing question, and an id a question or another page has', () => {
    expect(
      problems({
        questions,
        informationPages: [{ id: 'intro', before: 'nothing' }, { id: 'pet' }, { id: 'intro' }],
      }),
    ).toEqual([
      ['informationPages.0.before', 'there is no question nothing'],
      ['informationPages.1.id', 'duplicate id pet'],
      ['informationPages.2.id', 'duplicate id intro'],
    ])
  })
})

describe('offered languages', () => {
  const questions = [choice]

  it('may be left out, or list known languages once each, English among them', () => {
    expect(surveyDefinitionSchema.parse({ ...base, questions }).languages).toBeUndefined()
    expect(problems({ questions, languages: ['en', 'ur'] })).toEqual([])
    expect(problems({ questions, languages: ['cy'] })).toEqual([['languages', 'languages must include en']])
    expect(problems({ questions, languages: ['en', 'cy', 'cy'] })).toEqual([
      ['languages.2', 'duplicate language cy'],
    ])
    expect(problems({ questions, languages: ['en', 'fr'] })[0]?.[0]).toBe('languages.1')
  })

  it("must each have the survey's words, as must every information page", () => {
    const { definition, words } = conditionalSurvey
    expect(checkTemplate(conditionalSurvey)).toEqual([])
    expect(checkTemplate({ definition: { ...definition, languages: ['en', 'cy'] }, words })).toEqual([
      'cy is offered but the survey has no words in it',
    ])
    const { ur } = words
    if (!ur) throw new Error('The fixture has no Urdu')
    const noPages = { ...words, ur: { ...ur, pages: undefined } }
    expect(checkTemplate({ definition, words: noPages })).toEqual([
      'ur: no words for information page about-pets',
      'ur: no words for information page nearly-done',
    ])
  })
})

describe('the templates', () => {
  it.each(listTemplateIds())('%s still loads, with no conditions, pages or language limits', (templateId) => {
    const { definition } = loadTemplate(templateId)
    expect(definition.informationPages).toEqual([])
    expect(definition.languages).toBeUndefined()
    expect(definition.questions.every((question) => question.askIf === undefined)).toBe(true)
  })
})
