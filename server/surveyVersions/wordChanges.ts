import type { SurveyVersion } from '../surveys/queries'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { QuestionWords } from '../surveys/words'

/**
 * A question's title, or one answer's label, worded differently in `version` than in `before`, the
 * last earlier version that asked it. Compared in English, the words every survey has.
 */
export interface WordChange {
  version: number
  before: number
  /** The answer's value; absent when the change is to the question's title. */
  value?: string
}

const englishWords = (version: SurveyVersion, questionId: string): QuestionWords | undefined =>
  version.words.en?.questions[questionId]

/** Every change to a question's English words between the versions that asked it, oldest first. */
export function findWordChanges(versions: readonly SurveyVersion[], questionId: string): WordChange[] {
  const changes: WordChange[] = []
  let previous: SurveyVersion | undefined
  for (const version of versions) {
    const question = version.definition.questions.find(({ id }) => id === questionId)
    if (!question) continue
    if (previous) {
      const was = englishWords(previous, questionId)
      const now = englishWords(version, questionId)
      const before = previous.version
      if (was?.title !== now?.title) changes.push({ version: version.version, before })
      const offeredBefore = new Set(
        previous.definition.questions.flatMap((earlier) =>
          earlier.id === questionId ? questionTypeFor(earlier).values(earlier) : [],
        ),
      )
      for (const value of questionTypeFor(question).values(question))
        if (offeredBefore.has(value) && was?.options?.[value] !== now?.options?.[value])
          changes.push({ version: version.version, before, value })
    }
    previous = version
  }
  return changes
}
