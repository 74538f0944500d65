import { blockingProblems, checkSurveyWords } from '../../server/easyRead'
import { languages } from '../../server/i18n/languages'
import { aboutYouQuestions, censusEthnicGroups } from '../../server/surveys/aboutYou'
import {
  audiences,
  questionSchema,
  surveyDefinitionSchema,
  type Audience,
} from '../../server/surveys/definitionSchema'
import { questionTypeFor } from '../../server/surveys/questionTypes/registry'
import { checkTemplate, loadTemplate, type SurveyTemplate } from '../../server/surveys/templates'
import {
  questionWordsSchema,
  surveyWordsSchema,
  type SurveyWordsByLanguage,
} from '../../server/surveys/words'

const templateFor: Record<Audience, string> = {
  'young-person': 'what-i-need',
  'parent-carer': 'ehcp-experience',
  professional: 'ehcp-experience',
}

/** A template with the about-you set added at the end, as the builder's button does. */
function withAboutYou(audience: Audience): SurveyTemplate {
  const template = loadTemplate(templateFor[audience])
  const set = aboutYouQuestions(audience)
  const words: SurveyWordsByLanguage = {}
  for (const [language, surveyWords] of Object.entries(template.words))
    words[language] = surveyWordsSchema.parse({
      ...surveyWords,
      questions: { ...surveyWords.questions, ...set.words[language]?.questions },
    })
  const definition = surveyDefinitionSchema.parse({
    ...template.definition,
    audience,
    questions: [...template.definition.questions, ...set.questions],
  })
  return { definition, words }
}

describe.each(audiences)('the about-you questions for %s surveys', (audience) => {
  const { questions, words } = aboutYouQuestions(audience)

  it('are six optional about-you questions with stable about-you- ids', () => {
    expect(questions.map((question) => question.id)).toEqual([
      'about-you-age',
      'about-you-gender',
      'about-you-ethnicity',
      'about-you-support',
      'about-you-need',
      'about-you-setting',
    ])
    for (const question of questions) {
      expect(questionSchema.parse(question)).toEqual(question)
      expect(question).toMatchObject({ aboutYou: true, optional: true })
    }
  })

  it('always allow "prefer not to say"', () => {
    for (const question of questions)
      expect(questionTypeFor(question).values(question)).toContain('prefer-not-to-say')
  })

  it('offer "I don\'t know" for support and type of need, which a person may not know', () => {
    const withDontKnow = questions
      .filter((question) => questionTypeFor(question).values(question).includes('dont-know'))
      .map((question) => question.id)
    expect(withDontKnow).toEqual(['about-you-support', 'about-you-need'])
  })

  it('ask ethnicity in the 19 ONS 2021 census groups', () => {
    const ethnicity = questions.find((question) => question.id === 'about-you-ethnicity')
    expect(ethnicity?.type === 'single-choice' ? ethnicity.options : []).toEqual([...censusEthnicGroups])
    expect(censusEthnicGroups).toHaveLength(19)
  })

  it.each(languages.map(({ code }) => code))('have words for every question and option in %s', (language) => {
    const languageWords = words[language]?.questions ?? {}
    for (const question of questions) {
      const questionWords = questionWordsSchema.parse(languageWords[question.id])
      if (question.type === 'single-choice')
        expect(Object.keys(questionWords.options ?? {}).sort()).toEqual([...question.options].sort())
      const hinted = Object.keys(questionWords.optionHints ?? {})
      const values = questionTypeFor(question).values(question)
      expect(hinted.filter((value) => !values.includes(value))).toEqual([])
    }
  })

  it('added to a template, pass the definition schema and the template checks', () => {
    const template = withAboutYou(audience)
    expect(checkTemplate(template)).toEqual([])
  })

  it('added to a template, pass the easy-read and missing-words checks', () => {
    const template = withAboutYou(audience)
    expect(blockingProblems(checkSurveyWords(template.definition, template.words))).toEqual([])
  })
})

describe('age bands', () => {
  const bandsOf = (audience: Audience): string[] => {
    const age = aboutYouQuestions(audience).questions.find((question) => question.id === 'about-you-age')
    return age?.type === 'age-group' ? age.bands : []
  }

  it('start at school age for young people and in the early years for a child answered about', () => {
    expect(bandsOf('young-person')).toEqual(['under-11', '11-13', '14-15', '16-17', '18-plus'])
    expect(bandsOf('parent-carer')).toEqual(['under-5', '5-10', '11-13', '14-15', '16-17', '18-plus'])
  })

  it('ask young people about themselves and adults about the child', () => {
    const title = (audience: Audience) =>
      aboutYouQuestions(audience).words.en?.questions['about-you-age']?.title
    expect(title('young-person')).toBe('How old are you?')
    expect(title('parent-carer')).toBe('How old is the child or young person?')
  })
})
