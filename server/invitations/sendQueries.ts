import type { Queryable } from '../db/database'
import { emailHashSql, takeSendingSlots } from './scheduleQueries'

interface ListKey {
  organisationId: string
  listId: string
}

const notUnsubscribedSql = `NOT EXISTS (SELECT 1 FROM unsubscribed_addresses u
                                         WHERE u.organisation_id = i.organisation_id AND u.email_hash = ${emailHashSql})`

/**
 * Sends a checked list: an outbox row for each contact who has not unsubscribed, each due in its own
 * slot of the timetable. Returns how many were queued; nothing when the
 * list was already sent (a double click), so its emails are never queued twice.
 */
export async function queueListInvitations(
  tx: Queryable,
  list: ListKey,
  request: { reminderDays: number[]; now: Date; perMinute: number },
): Promise<{ queued: number } | undefined> {
  const started = await tx.query(
    `UPDATE contact_lists SET status = 'sending', sent_at = $3, reminder_days = $4::int[]
      WHERE organisation_id = $1 AND id = $2 AND status = 'checked' RETURNING id`,
    [list.organisationId, list.listId, request.now, request.reminderDays],
  )
  if (started.length === 0) return undefined
  const [eligible] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM invitations i WHERE i.organisation_id = $1 AND i.list_id = $2 AND ${notUnsubscribedSql}`,
    [list.organisationId, list.listId],
  )
  const count = eligible?.n ?? 0
  const { first, spacingSeconds } = await takeSendingSlots(tx, { count, ...request })
  await tx.query(
    `INSERT INTO invitation_emails (organisation_id, invitation_id, kind, status, due_at)
     SELECT i.organisation_id, i.id, 'invitation', 'queued',
            $3::timestamptz + make_interval(secs => $4::float8 * (row_number() OVER (ORDER BY i.row_number) - 1))
       FROM invitations i
      WHERE i.organisation_id = $1 AND i.list_id = $2 AND ${notUnsubscribedSql}
     ON CONFLICT DO NOTHING`,
    [list.organisationId, list.listId, first, spacingSeconds],
  )
  return { queued: count }
}

/**
 * Queues the reminders now due: `days` after a contact's invitation was sent, for contacts who have
 * not answered or unsubscribed, while the survey is open. The primary key (invitation, kind) makes a
 * second run queue nothing more. The lock keeps two workers from taking slots for the same reminders.
 */
export async function queueDueReminders(
  tx: Queryable,
  request: { now: Date; perMinute: number },
): Promise<number> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('invitation-reminders'))`)
  const dueSql = `
    FROM contact_lists l
    JOIN surveys s ON s.organisation_id = l.organisation_id AND s.id = l.survey_id
    CROSS JOIN LATERAL unnest(l.reminder_days) AS d (days)
    JOIN invitations i ON i.organisation_id = l.organisation_id AND i.list_id = l.id
    JOIN invitation_emails first ON first.organisation_id = i.organisation_id AND first.invitation_id = i.id
                                AND first.kind = 'invitation' AND first.status = 'sent'
   WHERE l.status = 'sending' AND s.status = 'open' AND (s.closes_at IS NULL OR s.closes_at > $1)
     AND NOT i.answered AND first.sent_at + make_interval(days => d.days) <= $1
     AND ${notUnsubscribedSql}
     AND NOT EXISTS (SELECT 1 FROM invitation_emails r WHERE r.organisation_id = i.organisation_id
                        AND r.invitation_id = i.id AND r.kind = 'reminder-' || d.days)`
  const [due] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${dueSql}`, [request.now])
  const count = due?.n ?? 0
  if (count === 0) return 0
  const { first, spacingSeconds } = await takeSendingSlots(tx, { count, ...request })
  const inserted = await tx.query(
    `INSERT INTO invitation_emails (organisation_id, invitation_id, kind, status, due_at)
     SELECT i.organisation_id, i.id, 'reminder-' || d.days, 'queued',
            $2::timestamptz + make_interval(secs => $3::float8 * (row_number() OVER (ORDER BY i.organisation_id, i.row_number, d.days) - 1))
     ${dueSql}
     ON CONFLICT DO NOTHING RETURNING invitation_id`,
    [request.now, first, spacingSeconds],
  )
  return inserted.length
}
