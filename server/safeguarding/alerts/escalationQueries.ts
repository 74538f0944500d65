import type { Queryable } from '../../db/database'
import { jobQueueSchema } from '../../jobs/jobQueueQueries'

type AlertKey = { organisationId: string; alertId: string }

// The sweeps below look across every organisation, as only the system does; each row they return
// carries its organisation, and everything done with it afterwards is keyed by it.

/** Open alerts past their organisation's escalation time and not yet escalated, oldest first. */
export async function listOverdueAlerts(db: Queryable, now: Date, limit: number): Promise<AlertKey[]> {
  const rows = await db.query<{ organisation_id: string; id: string }>(
    `SELECT a.organisation_id, a.id FROM safeguarding_alerts a
       JOIN organisations o ON o.id = a.organisation_id
      WHERE a.status = 'open' AND a.escalated_at IS NULL
        AND a.raised_at + make_interval(mins => o.alert_escalation_minutes) <= $1
      ORDER BY a.raised_at LIMIT $2`,
    [now, limit],
  )
  return rows.map((row) => ({ organisationId: row.organisation_id, alertId: row.id }))
}

/**
 * Marks the alert escalated if it still needs it, in the caller's transaction; false when it was
 * acknowledged, closed or escalated meanwhile (by an officer, or another worker's sweep).
 */
export async function markEscalated(tx: Queryable, key: AlertKey, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE safeguarding_alerts SET escalated_at = $3
      WHERE organisation_id = $1 AND id = $2 AND status = 'open' AND escalated_at IS NULL
      RETURNING id`,
    [key.organisationId, key.alertId, now],
  )
  return rows.length > 0
}

/**
 * Alerts with emails still unsent a while after they were written and no email job waiting or running
 * for them: the queue gave up (its retries ran out) or lost the job. Read from the queue's own table.
 */
export async function listStrandedAlerts(
  db: Queryable,
  before: Date,
  now: Date,
  limit: number,
): Promise<AlertKey[]> {
  const rows = await db.query<{ organisation_id: string; alert_id: string }>(
    `SELECT DISTINCT e.organisation_id, e.alert_id FROM safeguarding_alert_emails e
       JOIN officers f ON f.organisation_id = e.organisation_id AND f.id = e.officer_id
      WHERE e.sent_at IS NULL AND e.created_at < $1
        AND (e.sending_until IS NULL OR e.sending_until < $2)
        AND f.role IN ('safeguarding', 'admin')
        AND NOT EXISTS (
          SELECT 1 FROM ${jobQueueSchema}.job j
           WHERE j.name = 'safeguarding-email' AND j.state < 'completed'
             AND j.data ->> 'alertId' = e.alert_id::text)
      LIMIT $3`,
    [before, now, limit],
  )
  return rows.map((row) => ({ organisationId: row.organisation_id, alertId: row.alert_id }))
}
