import type { Queryable } from '../../db/database'

type AlertKey = { organisationId: string; alertId: string }

export interface ClaimedEmail {
  officerId: string
  reason: 'alert' | 'escalation'
  attempts: number
  to: string
}

export interface AlertForEmail {
  handle: string
  kind: 'help-request' | 'free-text'
  raisedAt: Date
  organisationName: string
  escalationMinutes: number
}

/**
 * Takes the alert's unsent emails that nobody else is sending, holding them until `holdUntil`, and
 * says what the emails need to say about the alert. One statement: rows another worker has locked are
 * skipped, and rows it already holds are not yet free. Only officers who still exist and can still
 * read alerts are written to. Nothing is returned for an alert that is gone or has nothing to send.
 */
export async function claimUnsentEmails(
  db: Queryable,
  key: AlertKey,
  times: { now: Date; holdUntil: Date },
): Promise<{ alert: AlertForEmail; emails: ClaimedEmail[] } | undefined> {
  const rows = await db.query<{
    officer_id: string
    reason: 'alert' | 'escalation'
    attempts: number
    email: string
    handle: string
    kind: 'help-request' | 'free-text'
    raised_at: Date
    organisation_name: string
    alert_escalation_minutes: number
  }>(
    `WITH free AS (
       SELECT e.officer_id, e.reason, f.email
         FROM safeguarding_alert_emails e
         JOIN officers f ON f.organisation_id = e.organisation_id AND f.id = e.officer_id
        WHERE e.organisation_id = $1 AND e.alert_id = $2 AND e.sent_at IS NULL
          AND (e.sending_until IS NULL OR e.sending_until < $3)
          AND f.role IN ('safeguarding', 'admin')
          FOR UPDATE OF e SKIP LOCKED
     ), claimed AS (
       UPDATE safeguarding_alert_emails e
          SET sending_until = $4, attempts = e.attempts + 1
         FROM free
        WHERE e.organisation_id = $1 AND e.alert_id = $2
          AND e.officer_id = free.officer_id AND e.reason = free.reason
       RETURNING e.officer_id, e.reason, e.attempts, free.email
     )
     SELECT claimed.*, a.handle, a.kind, a.raised_at, COALESCE(o.public_name, o.name) AS organisation_name,
            o.alert_escalation_minutes
       FROM claimed
       JOIN safeguarding_alerts a ON a.organisation_id = $1 AND a.id = $2
       JOIN organisations o ON o.id = a.organisation_id`,
    [key.organisationId, key.alertId, times.now, times.holdUntil],
  )
  const first = rows[0]
  if (!first) return undefined
  return {
    alert: {
      handle: first.handle,
      kind: first.kind,
      raisedAt: first.raised_at,
      organisationName: first.organisation_name,
      escalationMinutes: first.alert_escalation_minutes,
    },
    emails: rows.map((row) => ({
      officerId: row.officer_id,
      reason: row.reason,
      attempts: row.attempts,
      to: row.email,
    })),
  }
}

export async function markEmailSent(
  db: Queryable,
  key: AlertKey,
  email: ClaimedEmail,
  sentAt: Date,
): Promise<void> {
  await db.query(
    `UPDATE safeguarding_alert_emails SET sent_at = $5, sending_until = NULL
      WHERE organisation_id = $1 AND alert_id = $2 AND officer_id = $3 AND reason = $4`,
    [key.organisationId, key.alertId, email.officerId, email.reason, sentAt],
  )
}

/** The mail server refused or could not be reached: free it for the next try at once. */
export async function releaseEmail(db: Queryable, key: AlertKey, email: ClaimedEmail): Promise<void> {
  await db.query(
    `UPDATE safeguarding_alert_emails SET sending_until = NULL
      WHERE organisation_id = $1 AND alert_id = $2 AND officer_id = $3 AND reason = $4 AND sent_at IS NULL`,
    [key.organisationId, key.alertId, email.officerId, email.reason],
  )
}
