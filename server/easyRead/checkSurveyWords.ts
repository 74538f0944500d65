import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyWordsByLanguage } from '../surveys/words'
import { checkText, readingGradeWarning } from './checkText'
import { missingWords, offeredLanguages } from './missingWords'
import type { WordsProblem } from './problems'
import { surveyTextInOrder } from './surveyText'

/**
 * Every problem with a whole survey's words, for each language it offers: missing words first, then
 * long sentences and jargon field by field in reading order, then one reading-grade warning per
 * language over all its words (a single short box is too short to grade).
 */
export function checkSurveyWords(definition: SurveyDefinition, words: SurveyWordsByLanguage): WordsProblem[] {
  const { easyRead } = definition
  const textProblems = offeredLanguages(definition, words).flatMap((language) => {
    const languageWords = words[language]
    if (!languageWords) return []
    const pieces = surveyTextInOrder(definition, languageWords)
    const perField = pieces.flatMap(({ field, text }) =>
      checkText(text, { easyRead, language, field }).filter((problem) => problem.kind !== 'reading-grade'),
    )
    const all = pieces.map(({ text }) => text).join('\n')
    return [...perField, ...readingGradeWarning(all, { easyRead, language, field: 'survey' })]
  })
  return [...missingWords(definition, words), ...textProblems]
}
