import type { SurveyDefinition } from '../../surveys/definitionSchema'
import type { StoredAnswer } from '../../surveys/questionTypes/contract'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import { foldText, phrasePattern } from './phraseMatching'

/** Why an answer raised an alert: the question, the words written, and the phrases found in them. */
export interface FreeTextReason {
  questionId: string
  text: string
  phrases: string[]
}

/** Phrase lists by language code. Every list given is searched, so a caller passes the languages it wants. */
export type PhrasesByLanguage = Readonly<Record<string, readonly string[]>>

/**
 * Finds safeguarding phrases in the written answers of a response. Which answers are written words is
 * the question type's business (writtenText), not a list kept here. Pure: no database, no clock.
 */
export function scanFreeText(
  definition: Pick<SurveyDefinition, 'questions'>,
  answers: Readonly<Record<string, StoredAnswer | undefined>>,
  phrasesByLanguage: PhrasesByLanguage,
): FreeTextReason[] {
  const phrases = [...new Set(Object.values(phrasesByLanguage).flat())]
  const patterns = phrases.map((phrase) => ({ phrase, pattern: phrasePattern(phrase) }))
  const reasons: FreeTextReason[] = []
  for (const question of definition.questions) {
    const answer = answers[question.id]
    const text = answer === undefined ? undefined : questionTypeFor(question).writtenText(answer)
    if (text === undefined) continue
    const folded = foldText(text)
    const found = patterns.filter(({ pattern }) => pattern.test(folded)).map(({ phrase }) => phrase)
    if (found.length > 0) reasons.push({ questionId: question.id, text, phrases: found })
  }
  return reasons
}
