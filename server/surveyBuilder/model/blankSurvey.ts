import type { Audience } from '../../surveys/definitionSchema'
import type { SurveyWordsByLanguage } from '../../surveys/words'
import type { WorkingCopy } from './workingCopy'

/**
 * A new survey with one open question to start from: the survey schema asks for at least one
 * question, and an officer edits or replaces it. Start-page words come from the interface's words
 * in each language, to be changed on the words pages.
 */
export function blankSurvey(options: {
  id: string
  audience: Audience
  easyRead: boolean
  titles: Record<string, string>
  translate: (language: string, key: string) => string
}): WorkingCopy {
  const offered = Object.keys(options.titles)
  const words: SurveyWordsByLanguage = {}
  for (const language of offered) {
    const t = (key: string) => options.translate(language, key)
    words[language] = {
      title: options.titles[language] ?? '',
      start: { purpose: [t('builder.starter.purpose')], answers: [t('builder.starter.answers')] },
      questions: { 'tell-us': { title: t('builder.starter.question') } },
    }
  }
  return {
    definition: {
      id: options.id,
      audience: options.audience,
      easyRead: options.easyRead,
      estimatedMinutes: 5,
      questions: [{ id: 'tell-us', type: 'free-text', optional: false, aboutYou: false, maxLength: 1000 }],
      informationPages: [],
      languages: [
        'en',
        ...offered.filter((language) => language !== 'en'),
      ] as WorkingCopy['definition']['languages'],
    },
    words,
  }
}
