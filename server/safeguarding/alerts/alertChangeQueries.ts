import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'

type AlertKey = { organisationId: string; alertId: string }
type Actor = { id: string; email: string }

/** True when this acknowledged it; false when it was no longer open. */
export async function acknowledgeAlert(tx: Queryable, key: AlertKey, by: Actor, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE safeguarding_alerts SET status = 'acknowledged', acknowledged_at = $3, acknowledged_by = $4
      WHERE organisation_id = $1 AND id = $2 AND status = 'open' RETURNING id`,
    [key.organisationId, key.alertId, now, by.email],
  )
  return rows.length > 0
}

/** Closing an alert nobody acknowledged acknowledges it too. False when it was already closed. */
export async function closeAlert(tx: Queryable, key: AlertKey, by: Actor, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE safeguarding_alerts
        SET status = 'closed', closed_at = $3, closed_by = $4,
            acknowledged_at = COALESCE(acknowledged_at, $3), acknowledged_by = COALESCE(acknowledged_by, $4)
      WHERE organisation_id = $1 AND id = $2 AND status <> 'closed' RETURNING id`,
    [key.organisationId, key.alertId, now, by.email],
  )
  return rows.length > 0
}

export async function insertAlertNote(
  tx: Queryable,
  key: AlertKey,
  note: { by: Actor; text: string; writtenAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO safeguarding_alert_notes (organisation_id, alert_id, id, officer_id, actor, note, written_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [key.organisationId, key.alertId, randomUUID(), note.by.id, note.by.email, note.text, note.writtenAt],
  )
}
