import { randomBytes, randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import { insertAlert, insertAlertEmails, insertHelpRequest, listAlertRecipients } from './alertQueries'

export interface NewAlert {
  organisationId: string
  kind: 'help-request' | 'free-text'
  surveyId: string | null
  language: string
  responseId?: string // free text: the response (or held response) whose words raised it
  draftId?: string // help request: only when the young person allowed their answers to be seen
  reasons: unknown[] // JSON: free text [{ questionId, text, phrases }]; help request []
  helpRequest?: {
    name: string | null
    contactMethod: 'phone' | 'email' | 'school' | 'none'
    contactDetail: string | null
    school: string | null
    message: string | null
    answersMayBeSeen: boolean
  }
}

/**
 * Inside the caller's transaction: stores the alert (and help request), one email row per recipient,
 * and enqueues the email job. Returns the alert's handle.
 *
 * Everything is written in the transaction of what raised it, so an alert exists exactly when the
 * answer or request does, and its email rows and job with it: a crash after commit still sends, a
 * rollback sends nothing. Recipients are the safeguarding officers and named safeguarding contacts;
 * an organisation with none falls back to its admins, so an alert never reaches nobody.
 */
export async function raiseAlert(
  tx: Queryable,
  jobs: JobSender,
  alert: NewAlert,
  now: Date,
): Promise<string> {
  const alertId = randomUUID()
  const handle = randomBytes(8).toString('hex')
  await insertAlert(tx, { ...alert, id: alertId, handle, raisedAt: now })
  if (alert.helpRequest)
    await insertHelpRequest(tx, { organisationId: alert.organisationId, alertId }, alert.helpRequest)
  const recipients = await listAlertRecipients(tx, alert.organisationId)
  await insertAlertEmails(tx, { organisationId: alert.organisationId, alertId }, recipients, {
    reason: 'alert',
    createdAt: now,
  })
  await jobs.enqueue(tx, 'safeguarding-email', { organisationId: alert.organisationId, alertId })
  return handle
}
