import type { Queryable } from '../db/database'
import type { AuditAction } from './recordAudit'

export interface AuditEvent {
  occurredAt: Date
  actor: string
  action: AuditAction
  subject: string | null
  details: Record<string, unknown>
}

export interface AuditFilter {
  action?: AuditAction
  actor?: string
  from?: string
  to?: string
}

/** The latest events first, narrowed by the filter; dates are whole days in London time. */
export async function listAuditEvents(
  db: Queryable,
  organisationId: string,
  filter: AuditFilter,
  limit = 200,
): Promise<AuditEvent[]> {
  const rows = await db.query<{
    occurred_at: Date
    actor: string
    action: AuditAction
    subject: string | null
    details: Record<string, unknown>
  }>(
    `SELECT occurred_at, actor, action, subject, details FROM audit_events
      WHERE organisation_id = $1
        AND ($2::text IS NULL OR action = $2)
        AND ($3::text IS NULL OR actor ILIKE '%' || $3 || '%')
        AND ($4::date IS NULL OR occurred_at >= ($4::date)::timestamp AT TIME ZONE 'Europe/London')
        AND ($5::date IS NULL OR occurred_at < ($5::date + 1)::timestamp AT TIME ZONE 'Europe/London')
      ORDER BY occurred_at DESC, id LIMIT $6`,
    [
      organisationId,
      filter.action ?? null,
      filter.actor ?? null,
      filter.from ?? null,
      filter.to ?? null,
      limit,
    ],
  )
  return rows.map((row) => ({
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: row.details,
  }))
}
