import { checkText, describeField, describeProblem, type WordsProblem } from '../../server/easyRead'
import { languages } from '../../server/i18n/languages'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'

let translatorFor: Awaited<ReturnType<typeof createTranslator>>
beforeAll(async () => {
  translatorFor = await createTranslator()
})

const definition = surveyDefinitionSchema.parse({
  id: 'described',
  audience: 'young-person',
  easyRead: true,
  estimatedMinutes: 1,
  questions: [
    { id: 'first', type: 'yes-no-not-sure' },
    { id: 'travel', type: 'single-choice', options: ['bus', 'walk'] },
  ],
})

const problems: WordsProblem[] = [
  ...checkText(`${Array.from({ length: 16 }, () => 'Word').join(' ')}. Your EHCP.`, {
    easyRead: true,
    language: 'en',
  }),
  ...checkText(`${Array.from({ length: 26 }, () => 'Word').join(' ')}.`, { easyRead: false, language: 'en' }),
  { language: 'en', field: 'survey', kind: 'reading-grade', blocking: false, grade: 4.2, limit: 3 },
  { language: 'cy', field: 'questions.first.title', kind: 'missing-words', blocking: true },
  { language: 'cy', field: 'survey', kind: 'missing-words', blocking: true },
]

describe('problems in the officer’s words', () => {
  it('says in English what is wrong and what to do', () => {
    const t = translatorFor('en')
    expect(problems.map((problem) => describeProblem(problem, t))).toEqual([
      'This sentence has 16 words. Easy-read sentences must have 15 words or fewer: “Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word”',
      'Say “your plan” instead of “EHCP”',
      'This sentence has 26 words. Try to keep sentences to 25 words or fewer: “Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word Word”',
      'These words read at grade 4.2 on the Flesch–Kincaid scale. Easy read should be grade 3 or lower, so use shorter words and sentences',
      'There are no words here',
      'There are no words in this language',
    ])
  })

  it.each(languages.map(({ code }) => code))('fills in every detail in %s', (language) => {
    const t: Translate = translatorFor(language)
    for (const problem of problems) {
      const text = describeProblem(problem, t)
      expect(text).not.toMatch(/\{\{|easyRead\./)
      if (problem.term) expect(text).toContain(problem.term)
      if (problem.instead) expect(text).toContain(problem.instead)
      if (problem.words) expect(text).toContain(String(problem.words))
    }
  })

  it('names where each problem is, numbering questions as the survey does', () => {
    const t = translatorFor('en')
    expect(
      [
        'title',
        'survey',
        'start.purpose.0',
        'start.answers.1',
        'questions.travel.title',
        'questions.travel.hint',
        'questions.travel.options.walk',
        'questions.travel.optionHints.bus',
        'questions.first.pictureAlt',
        'pages.about-school.title',
        'pages.about-school.body.0',
      ].map((field) => describeField(field, definition, t)),
    ).toEqual([
      'Survey title',
      'All the words',
      'Start page, why we ask, paragraph 1',
      'Start page, what happens to the answers, paragraph 2',
      'Question 2',
      'Question 2, hint',
      'Question 2, answer walk',
      'Question 2, hint for answer bus',
      'Question 1, picture description',
      'Information page about-school, title',
      'Information page about-school, words',
    ])
  })
})
