import { wordsFor, type QuestionWords, type SurveyWords } from '../surveys/words'
import type { CombinedSurvey } from './combineVersions'

/**
 * A combined survey's words in one language: the newest words for everything, and for a question
 * or an answer no longer asked, the words of the last version that asked it. So every question and
 * answer counted has words, and they are the newest there are.
 */
export function combinedWordsFor(survey: CombinedSurvey, language: string): SurveyWords {
  const newest = survey.versions.at(-1)
  if (!newest) throw new Error('A survey with no versions')
  const questions: Record<string, QuestionWords> = {}
  for (const version of survey.versions) {
    const words = wordsFor(version.words, language)
    for (const { id } of version.definition.questions) {
      const own = words.questions[id]
      if (!own) continue
      const earlier = questions[id]
      const options = { ...earlier?.options, ...own.options }
      questions[id] = Object.keys(options).length > 0 ? { ...own, options } : own
    }
  }
  return { ...wordsFor(newest.words, language), questions }
}
