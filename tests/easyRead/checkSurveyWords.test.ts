import { checkSurveyWords, offeredLanguages, surveyTextInOrder } from '../../server/easyRead'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import type { SurveyWords, SurveyWordsByLanguage } from '../../server/surveys/words'

const definitionWith = (extra: Record<string, unknown> = {}) =>
  surveyDefinitionSchema.parse({
    id: 'checks',
    audience: 'young-person',
    easyRead: true,
    estimatedMinutes: 2,
    questions: [
      { id: 'feel-safe', type: 'faces', picture: { name: 'house', alt: 'described' } },
      { id: 'travel', type: 'single-choice', options: ['bus', 'walk'], dontKnow: true },
    ],
    informationPages: [{ id: 'about-school', before: 'travel' }],
    ...extra,
  })

const complete = (title: string): SurveyWords => ({
  title,
  start: { purpose: ['This survey asks about school.'], answers: ['We do not ask your name.'] },
  questions: {
    'feel-safe': { title: 'Do you feel safe?', pictureAlt: 'A house' },
    travel: { title: 'How do you get to school?', options: { bus: 'Bus', walk: 'I walk' } },
  },
  pages: { 'about-school': { title: 'School', body: ['The next questions are about school.'] } },
})

const allWords: SurveyWordsByLanguage = {
  en: complete('School'),
  cy: complete('Ysgol'),
  ur: complete('اسکول'),
}

describe('the languages a survey offers', () => {
  it('are those its definition lists, or else every language with words', () => {
    expect(offeredLanguages(definitionWith(), allWords)).toEqual(['en', 'cy', 'ur'])
    expect(offeredLanguages(definitionWith({ languages: ['en', 'cy'] }), allWords)).toEqual(['en', 'cy'])
  })
})

describe('missing words', () => {
  it('finds nothing wrong with complete words', () => {
    expect(checkSurveyWords(definitionWith(), allWords)).toEqual([])
  })

  it('names every question title, option, described picture and information page without words', () => {
    const welsh: SurveyWords = {
      title: 'Ysgol',
      start: {
        purpose: ['Mae’r arolwg hwn yn holi am yr ysgol.'],
        answers: ['Dydyn ni ddim yn gofyn eich enw.'],
      },
      questions: { travel: { title: 'Sut ydych chi’n mynd i’r ysgol?', options: { bus: 'Bws', walk: ' ' } } },
    }
    const problems = checkSurveyWords(definitionWith(), { ...allWords, cy: welsh })
    expect(
      problems.map(({ language, field, kind, blocking }) => ({ language, field, kind, blocking })),
    ).toEqual(
      [
        'questions.feel-safe.title',
        'questions.feel-safe.pictureAlt',
        'questions.travel.options.walk',
        'pages.about-school.title',
        'pages.about-school.body',
      ].map((field) => ({ language: 'cy', field, kind: 'missing-words', blocking: true })),
    )
  })

  it('needs no survey words for shared answers such as scales and "I don\'t know"', () => {
    expect(
      checkSurveyWords(definitionWith(), allWords).filter(({ kind }) => kind === 'missing-words'),
    ).toEqual([])
  })

  it('checks only the offered languages, and blocks an offered language with no words at all', () => {
    const englishOnly = { en: allWords.en as SurveyWords }
    expect(checkSurveyWords(definitionWith(), englishOnly)).toEqual([])
    expect(checkSurveyWords(definitionWith({ languages: ['en', 'ur'] }), englishOnly)).toEqual([
      { language: 'ur', field: 'survey', kind: 'missing-words', blocking: true },
    ])
    const welshGap = { ...allWords, cy: { ...complete('Ysgol'), questions: {} } }
    expect(checkSurveyWords(definitionWith({ languages: ['en', 'ur'] }), welshGap)).toEqual([])
  })

  it('blocks missing words in surveys that are not easy read too', () => {
    const problems = checkSurveyWords(definitionWith({ easyRead: false, audience: 'parent-carer' }), {
      en: { ...complete('School'), questions: {} },
    })
    expect(problems.every(({ kind, blocking }) => kind === 'missing-words' && blocking)).toBe(true)
    expect(problems).toHaveLength(5)
  })
})

describe('the words of a whole survey', () => {
  const long = 'Do you go to school with a friend or with someone in your family or on your own?'

  it('checks each field in every offered language, naming where the problem is', () => {
    const words = {
      ...allWords,
      en: {
        ...complete('School'),
        questions: {
          ...complete('School').questions,
          travel: { title: long, options: { bus: 'Bus', walk: 'I walk' } },
        },
      },
      ur: {
        ...complete('اسکول'),
        pages: {
          'about-school': { title: 'اسکول', body: [`${Array.from({ length: 16 }, () => 'لفظ').join(' ')}۔`] },
        },
      },
    }
    expect(checkSurveyWords(definitionWith(), words)).toEqual([
      expect.objectContaining({
        language: 'en',
        field: 'questions.travel.title',
        kind: 'sentence-too-long',
        words: 18,
        blocking: true,
      }),
      expect.objectContaining({
        language: 'ur',
        field: 'pages.about-school.body.0',
        kind: 'sentence-too-long',
        words: 16,
        blocking: true,
      }),
    ])
  })

  it('only warns about long sentences when the survey is not easy read', () => {
    const words = {
      en: {
        ...complete('School'),
        start: { purpose: [`${long.slice(0, -1)} and ${long}`], answers: ['We do not ask your name.'] },
      },
    }
    const problems = checkSurveyWords(definitionWith({ easyRead: false, audience: 'parent-carer' }), words)
    expect(problems).toEqual([
      expect.objectContaining({ field: 'start.purpose.0', words: 37, limit: 25, blocking: false }),
    ])
  })

  it('blocks jargon in easy-read English', () => {
    const words = {
      en: {
        ...complete('School'),
        start: { purpose: ['This is about your EHCP.'], answers: ['We do not ask your name.'] },
      },
    }
    expect(checkSurveyWords(definitionWith(), words)).toEqual([
      {
        language: 'en',
        field: 'start.purpose.0',
        kind: 'jargon',
        blocking: true,
        term: 'EHCP',
        instead: 'your plan',
      },
    ])
  })

  it('gives one reading-grade warning for all the English words together', () => {
    const hard =
      'Professionals coordinate comprehensive multidisciplinary arrangements considering circumstances.'
    const words = { en: { ...complete('School'), start: { purpose: [hard, hard], answers: [hard] } } }
    const problems = checkSurveyWords(definitionWith(), words)
    expect(problems).toEqual([
      expect.objectContaining({ language: 'en', field: 'survey', kind: 'reading-grade', blocking: false }),
    ])
  })

  it('reads information pages where they come, before their question', () => {
    expect(surveyTextInOrder(definitionWith(), complete('School')).map(({ field }) => field)).toEqual([
      'title',
      'start.purpose.0',
      'start.answers.0',
      'questions.feel-safe.title',
      'questions.feel-safe.pictureAlt',
      'pages.about-school.title',
      'pages.about-school.body.0',
      'questions.travel.title',
      'questions.travel.options.bus',
      'questions.travel.options.walk',
    ])
  })
})
