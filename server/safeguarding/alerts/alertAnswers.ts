import type { Queryable } from '../../db/database'
import type { Translate } from '../../i18n/translator'
import { optionLabeller } from '../../surveys/labels'
import type { StoredAnswer } from '../../surveys/questionTypes/contract'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import { findSurveyVersion } from '../../surveys/queries'
import { wordsFor } from '../../surveys/words'
import { findAnswersOfDraft, type Alert } from './alertReadQueries'

export interface AnswerRow {
  key: { text: string }
  value: { lines: string[] }
}

/**
 * The survey answers of the young person who asked for help, only when they ticked that they may be
 * seen (the alert then names their draft); otherwise undefined, and nothing is looked up.
 */
export async function answersAllowedToBeSeen(
  db: Queryable,
  alert: Alert,
  options: { language: string; t: Translate },
): Promise<{ rows: AnswerRow[]; sent: boolean } | undefined> {
  if (!alert.draftId || !alert.helpRequest?.answersMayBeSeen) return undefined
  const found = await findAnswersOfDraft(db, { organisationId: alert.organisationId, draftId: alert.draftId })
  if (!found) return { rows: [], sent: false }
  const version = await findSurveyVersion(
    db,
    { organisationId: alert.organisationId, surveyId: found.surveyId },
    found.version,
  )
  if (!version) return { rows: [], sent: found.sent }
  const words = wordsFor(version.words, options.language)
  const rows = version.definition.questions.map((question) => {
    const type = questionTypeFor(question)
    const value = (found.answers[question.id] ?? null) as StoredAnswer
    const questionWords = words.questions[question.id]
    return {
      key: { text: questionWords?.title ?? question.id },
      value: {
        lines: type.isAnswered(value)
          ? type.display(value, optionLabeller(question, questionWords, options.t))
          : [options.t('answers.notAnswered')],
      },
    }
  })
  return { rows, sent: found.sent }
}

/** Question titles in the reader's language, for saying which answer raised a free-text alert. */
export async function questionTitles(
  db: Queryable,
  alert: Alert,
  language: string,
): Promise<Record<string, string>> {
  if (!alert.surveyId) return {}
  const version = await findSurveyVersion(db, {
    organisationId: alert.organisationId,
    surveyId: alert.surveyId,
  })
  if (!version) return {}
  const words = wordsFor(version.words, language)
  return Object.fromEntries(
    Object.entries(words.questions).map(([questionId, questionWords]) => [questionId, questionWords.title]),
  )
}
