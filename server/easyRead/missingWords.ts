import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyWords, SurveyWordsByLanguage } from '../surveys/words'
import type { WordsProblem } from './problems'

/**
 * The languages a survey offers respondents: those its definition lists, or, when it lists none,
 * every language it has words in.
 */
export function offeredLanguages(definition: SurveyDefinition, words: SurveyWordsByLanguage): string[] {
  return definition.languages ? [...definition.languages] : Object.keys(words)
}

const filled = (text: string | undefined): boolean => text !== undefined && text.trim() !== ''

/** The fields a respondent would meet with no words in this language. */
function emptyFields(definition: SurveyDefinition, words: SurveyWords): string[] {
  const empty: string[] = []
  if (!filled(words.title)) empty.push('title')
  for (const question of definition.questions) {
    const own = words.questions[question.id]
    const at = `questions.${question.id}`
    if (!filled(own?.title)) empty.push(`${at}.title`)
    // Only options a survey names itself need its words; scales, age bands, "I don't know" and
    // "prefer not to say" use the shared words of the interface.
    const options = 'options' in question ? question.options : []
    for (const option of options) if (!filled(own?.options?.[option])) empty.push(`${at}.options.${option}`)
    if (question.picture?.alt === 'described' && !filled(own?.pictureAlt)) empty.push(`${at}.pictureAlt`)
  }
  for (const page of definition.informationPages) {
    const own = words.pages?.[page.id]
    if (!filled(own?.title)) empty.push(`pages.${page.id}.title`)
    if (!own?.body.some(filled)) empty.push(`pages.${page.id}.body`)
  }
  return empty
}

/**
 * Missing words in every offered language, always blocking: a language with missing words cannot
 * be offered. A language with no words at all is one problem on the field 'survey'.
 */
export function missingWords(definition: SurveyDefinition, words: SurveyWordsByLanguage): WordsProblem[] {
  return offeredLanguages(definition, words).flatMap((language) => {
    const languageWords = words[language]
    const fields = languageWords ? emptyFields(definition, languageWords) : ['survey']
    return fields.map((field) => ({ language, field, kind: 'missing-words' as const, blocking: true }))
  })
}
