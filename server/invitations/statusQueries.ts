import type { Queryable } from '../db/database'
import { emailHashSql } from './scheduleQueries'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

export const invitationStates = ['queued', 'sent', 'failed', 'answered', 'unsubscribed', 'cancelled'] as const
export type InvitationState = (typeof invitationStates)[number]

/**
 * One state per invitation, from its first email and its contact: answered outranks everything,
 * then unsubscribed; otherwise where the invitation email is (a row still being sent is queued).
 */
const stateSql = `CASE WHEN i.answered THEN 'answered'
  WHEN EXISTS (SELECT 1 FROM unsubscribed_addresses u WHERE u.organisation_id = i.organisation_id AND u.email_hash = ${emailHashSql}) THEN 'unsubscribed'
  WHEN e.status = 'sent' THEN 'sent'
  WHEN e.status = 'failed' THEN 'failed'
  WHEN e.status = 'cancelled' THEN 'cancelled'
  ELSE 'queued' END`

const fromSql = `FROM invitations i
  JOIN contact_lists l ON l.organisation_id = i.organisation_id AND l.id = i.list_id AND l.status = 'sending'
  LEFT JOIN invitation_emails e ON e.organisation_id = i.organisation_id AND e.invitation_id = i.id AND e.kind = 'invitation'
 WHERE i.organisation_id = $1 AND i.survey_id = $2`

export async function countInvitationStates(
  db: Queryable,
  survey: SurveyKey,
): Promise<Record<InvitationState, number>> {
  const rows = await db.query<{ state: InvitationState; n: number }>(
    `SELECT ${stateSql} AS state, count(*)::int AS n ${fromSql} GROUP BY 1`,
    [survey.organisationId, survey.surveyId],
  )
  const counts = Object.fromEntries(invitationStates.map((state) => [state, 0])) as Record<
    InvitationState,
    number
  >
  for (const row of rows) counts[row.state] = row.n
  return counts
}

/** Per group: invitations that reached the contact (sent or answered) and how many answered. */
export async function countAnsweredByGroup(
  db: Queryable,
  survey: SurveyKey,
): Promise<{ group: string | null; invited: number; answered: number }[]> {
  return db.query(
    `SELECT i.contact_group AS "group",
            count(*) FILTER (WHERE i.answered OR e.status = 'sent')::int AS invited,
            count(*) FILTER (WHERE i.answered)::int AS answered
       ${fromSql}
      GROUP BY i.contact_group ORDER BY i.contact_group NULLS LAST`,
    [survey.organisationId, survey.surveyId],
  )
}

export interface InvitationRow {
  email: string
  group: string | null
  language: string
  state: InvitationState
  failure: string | null
}

/** One page of the survey's invitations, in list and row order. */
export async function listInvitations(
  db: Queryable,
  survey: SurveyKey,
  page: { offset: number; limit: number },
): Promise<InvitationRow[]> {
  return db.query(
    `SELECT i.email, i.contact_group AS "group", i.language, ${stateSql} AS state, e.failure
       ${fromSql}
      ORDER BY l.sent_at, i.row_number LIMIT $3 OFFSET $4`,
    [survey.organisationId, survey.surveyId, page.limit, page.offset],
  )
}

export interface SentList {
  handle: string
  status: 'checked' | 'sending'
  uploadedAt: Date
  sentAt: Date | null
  reminderDays: number[]
  contacts: number
}

export async function listContactLists(db: Queryable, survey: SurveyKey): Promise<SentList[]> {
  return db.query(
    `SELECT l.handle, l.status, l.uploaded_at AS "uploadedAt", l.sent_at AS "sentAt", l.reminder_days AS "reminderDays",
            (SELECT count(*)::int FROM invitations i WHERE i.organisation_id = l.organisation_id AND i.list_id = l.id) AS contacts
       FROM contact_lists l WHERE l.organisation_id = $1 AND l.survey_id = $2 ORDER BY l.uploaded_at`,
    [survey.organisationId, survey.surveyId],
  )
}
