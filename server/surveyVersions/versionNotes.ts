import type { Translate } from '../i18n/translator'
import { optionLabeller } from '../surveys/labels'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import type { SurveyVersion } from '../surveys/queries'
import { wordsFor, type SurveyWords } from '../surveys/words'
import type { CombinedSurvey } from './combineVersions'
import { combinedWordsFor } from './combinedWords'
import { formatVersionList } from './versionList'
import { findWordChanges } from './wordChanges'

/** A question's title and answer labels as one version had them, in one language. */
function wordsIn(version: SurveyVersion, question: QuestionDefinition, language: string, t: Translate) {
  const words = wordsFor(version.words, language).questions[question.id]
  const label = optionLabeller(question, words, t)
  return { title: words?.title ?? question.id, label }
}

/**
 * The words a change replaced, in the reader's language. A change is found in English; when the
 * reader's language kept its words (not yet translated again), the English words before the change
 * are quoted instead, so a note never quotes back the words shown now.
 */
function replacedWords(text: { before: string; after: string; englishBefore: string }): string {
  return text.before !== text.after ? text.before : text.englishBefore
}

/**
 * What a reader of one question's combined figures needs to know about its versions, in their
 * language: which versions asked it (when not all did), where its words or an answer's words
 * changed and what they were, and answers not offered by every version that asked it. Empty for a
 * question every version asked in the same words.
 */
function notesFor(
  survey: CombinedSurvey,
  question: QuestionDefinition,
  context: { t: Translate; language: string; words: SurveyWords },
): string[] {
  const { t, language } = context
  const questionId = question.id
  const history = survey.history.get(questionId)
  if (!history) return []
  const versionsText = (versions: readonly number[]) => ({
    count: versions.length,
    versions: formatVersionList(versions, language),
  })
  const label = optionLabeller(question, context.words.questions[questionId], t)
  const notes: string[] = []
  if (history.versions.length < survey.versions.length)
    notes.push(t('versions.notes.onlyIn', versionsText(history.versions)))
  for (const change of findWordChanges(survey.versions, questionId)) {
    const beforeVersion = survey.versions.find(({ version }) => version === change.before)
    const changedIn = survey.versions.find(({ version }) => version === change.version)
    const beforeQuestion = beforeVersion?.definition.questions.find(({ id }) => id === questionId)
    if (!beforeVersion || !changedIn || !beforeQuestion) continue
    const before = wordsIn(beforeVersion, beforeQuestion, language, t)
    const after = wordsIn(changedIn, beforeQuestion, language, t)
    const englishBefore = wordsIn(beforeVersion, beforeQuestion, 'en', t)
    const value = change.value
    if (value === undefined) {
      const was = replacedWords({
        before: before.title,
        after: after.title,
        englishBefore: englishBefore.title,
      })
      notes.push(t('versions.notes.wordsChanged', { version: change.version, was }))
      continue
    }
    const was = replacedWords({
      before: before.label(value),
      after: after.label(value),
      englishBefore: englishBefore.label(value),
    })
    notes.push(t('versions.notes.answerChanged', { answer: label(value), version: change.version, was }))
  }
  for (const [value, versions] of history.values)
    if (versions.length < history.versions.length)
      notes.push(t('versions.notes.answerOnlyIn', { answer: label(value), ...versionsText(versions) }))
  return notes
}

/** The notes of every question of a combined survey, by question id (see notesFor). */
export function versionNotes(
  survey: CombinedSurvey,
  context: { t: Translate; language: string },
): Map<string, string[]> {
  const words = combinedWordsFor(survey, context.language)
  return new Map(
    survey.definition.questions.map((question) => [
      question.id,
      notesFor(survey, question, { ...context, words }),
    ]),
  )
}
