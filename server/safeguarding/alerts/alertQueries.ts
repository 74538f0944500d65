import type { Queryable } from '../../db/database'
import type { NewAlert } from './raiseAlert'

type AlertKey = { organisationId: string; alertId: string }

export async function insertAlert(
  tx: Queryable,
  alert: NewAlert & { id: string; handle: string; raisedAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO safeguarding_alerts
       (organisation_id, id, handle, kind, survey_id, language, response_id, draft_id, reasons, raised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      alert.organisationId,
      alert.id,
      alert.handle,
      alert.kind,
      alert.surveyId,
      alert.language,
      alert.responseId ?? null,
      alert.draftId ?? null,
      JSON.stringify(alert.reasons),
      alert.raisedAt,
    ],
  )
}

export async function insertHelpRequest(
  tx: Queryable,
  key: AlertKey,
  request: NonNullable<NewAlert['helpRequest']>,
): Promise<void> {
  await tx.query(
    `INSERT INTO help_requests
       (organisation_id, alert_id, name, contact_method, contact_detail, school, message, answers_may_be_seen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      key.organisationId,
      key.alertId,
      request.name,
      request.contactMethod,
      request.contactDetail,
      request.school,
      request.message,
      request.answersMayBeSeen,
    ],
  )
}

/**
 * Who is emailed about a new alert: the safeguarding officers and the admins named as safeguarding
 * contacts; when there are none, every admin, so an alert always reaches somebody.
 */
export async function listAlertRecipients(tx: Queryable, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `WITH contacts AS (
       SELECT id FROM officers
        WHERE organisation_id = $1 AND (role = 'safeguarding' OR (role = 'admin' AND safeguarding_contact))
     )
     SELECT id FROM contacts
     UNION ALL
     SELECT id FROM officers
      WHERE organisation_id = $1 AND role = 'admin' AND NOT EXISTS (SELECT 1 FROM contacts)`,
    [organisationId],
  )
  return rows.map((row) => row.id)
}

export async function listAdminIds(tx: Queryable, organisationId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM officers WHERE organisation_id = $1 AND role = 'admin'`,
    [organisationId],
  )
  return rows.map((row) => row.id)
}

/** One outbox row per recipient and reason; a row already there is left alone, so this can run twice. */
export async function insertAlertEmails(
  tx: Queryable,
  key: AlertKey,
  officerIds: string[],
  options: { reason: 'alert' | 'escalation'; createdAt: Date },
): Promise<void> {
  if (officerIds.length === 0) return
  await tx.query(
    `INSERT INTO safeguarding_alert_emails (organisation_id, alert_id, officer_id, reason, created_at)
     SELECT $1, $2, officer_id, $4, $5 FROM unnest($3::uuid[]) AS officer_id
     ON CONFLICT DO NOTHING`,
    [key.organisationId, key.alertId, officerIds, options.reason, options.createdAt],
  )
}
