import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'

export const auditActions = [
  'signed-in',
  'signed-out',
  'survey-created',
  'survey-opened',
  'survey-closed',
  'closing-date-changed',
  'survey-words-changed',
  'officer-invited',
  'role-changed',
  'officer-removed',
  'downloaded',
  'scorecard-published',
  'alert-viewed',
  'alert-acknowledged',
  'alert-note-added',
  'alert-closed',
  'safeguarding-contact-changed',
  'retention-changed',
  'retention-deleted',
  'response-erased',
  'organisation-settings-changed',
  'safeguarding-phrase-added',
  'safeguarding-phrase-removed',
  'group-session-opened',
  'group-session-ended',
  'held-responses-included',
  'held-responses-discarded',
] as const
export type AuditAction = (typeof auditActions)[number]

export interface AuditEntry {
  organisationId: string
  officer: { id: string; email: string } | undefined
  /** Who did it when no officer did: a background job, e.g. 'retention'. */
  actor?: string
  action: AuditAction
  /** What it was done to: a survey slug, an officer's address, a file name. */
  subject?: string
  details?: Record<string, string | number | boolean | null>
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (organisation_id, id, officer_id, actor, action, subject, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.organisationId,
      randomUUID(),
      entry.officer?.id ?? null,
      entry.officer?.email ?? entry.actor ?? 'system',
      entry.action,
      entry.subject ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  )
}
