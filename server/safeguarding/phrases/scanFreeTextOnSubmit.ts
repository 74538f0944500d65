import type { Queryable } from '../../db/database'
import { isLanguageCode } from '../../i18n/languages'
import type { JobSender } from '../../jobs/jobQueue'
import type { SurveyDefinition } from '../../surveys/definitionSchema'
import type { StoredAnswer } from '../../surveys/questionTypes/contract'
import { loadPhrasesForScan } from './phraseList'
import { raiseAlert } from '../alerts/raiseAlert'
import { scanFreeText } from './scanFreeText'

export interface SubmittedResponse {
  organisationId: string
  surveyId: string
  /** The response's id, counted or held for review. */
  responseId: string
  language: string
  definition: Pick<SurveyDefinition, 'audience' | 'questions'>
  answers: Readonly<Record<string, StoredAnswer>>
}

/**
 * Called inside the submit transaction, right after the response row is written: when a young
 * person's written answers hold words from the organisation's safeguarding list, raises one
 * free-text alert that says which words, in the same transaction, so the alert exists exactly when
 * the response does. Other audiences' surveys are not searched: their free text is about services,
 * and parent carers have their own route to help (the contact page).
 */
export async function alertOnWorryingAnswers(
  tx: Queryable,
  jobs: JobSender,
  response: SubmittedResponse,
  now: Date,
): Promise<boolean> {
  if (response.definition.audience !== 'young-person') return false
  const language = isLanguageCode(response.language) ? response.language : 'en'
  const phrases = await loadPhrasesForScan(tx, response.organisationId, language)
  const reasons = scanFreeText(response.definition, response.answers, phrases)
  if (reasons.length === 0) return false
  await raiseAlert(
    tx,
    jobs,
    {
      organisationId: response.organisationId,
      kind: 'free-text',
      surveyId: response.surveyId,
      language: response.language,
      responseId: response.responseId,
      reasons,
    },
    now,
  )
  return true
}
