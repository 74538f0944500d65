import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import { insertAuditEvent } from './changeQueries'

export const auditActions = [
  'signed-in',
  'signed-out',
  'survey-created',
  'survey-opened',
  'survey-closed',
  'closing-date-changed',
  'survey-words-changed',
  'survey-changed',
  'survey-published',
  'survey-changes-discarded',
  'survey-previewed',
  'survey-exported',
  'survey-imported',
  'easy-read-checks-overridden',
  'officer-invited',
  'officer-invitation-resent',
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
  'response-entered',
  'held-responses-included',
  'held-responses-discarded',
  'administrative-values-changed',
  'reference-values-changed',
  'translations-changed',
  'commentary-changed',
  'outcome-added',
  'outcome-changed',
  'framework-started',
  'indicator-added',
  'indicator-changed',
  'you-said-we-did-added',
  'you-said-we-did-removed',
  'themes-tagged',
  'contacts-uploaded',
  'contact-list-cancelled',
  'invitations-sent',
  'contacts-deleted',
  'refused-by-role',
  'refused-without-csrf',
  'refused-sign-in-link',
  'refused-erasure',
] as const
export type AuditAction = (typeof auditActions)[number]

export type AuditValue = string | number | boolean | null

/** One side of a change: a flat record of named values, e.g. { statement: '...' } or { '2026-Q1': 12 }. */
export type AuditFields = Record<string, AuditValue>

/**
 * What a change did, in one shape for every kind of data: the values before and after it, null
 * where there was nothing (before an addition, after a removal). Only the values that changed need
 * appear, but both sides name the same keys.
 */
export interface AuditChange {
  before: AuditFields | null
  after: AuditFields | null
}

export interface AuditEntry {
  organisationId: string
  officer: { id: string; email: string } | undefined
  /** Who did it when no officer did: a background job, e.g. 'retention'. */
  actor?: string
  action: AuditAction
  /** What it was done to: a survey slug, an officer's address, a file name. */
  subject?: string
  details?: AuditFields
  /** Stored in the details as `before` and `after`; record it in the transaction that made the change. */
  change?: AuditChange
}

/** The keys on either side whose values differ, so a row says only what changed. */
export function changedOnly(before: AuditFields | null, after: AuditFields | null): AuditChange {
  if (!before || !after) return { before, after }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => (before[key] ?? null) !== (after[key] ?? null),
  )
  const pick = (side: AuditFields) => Object.fromEntries(keys.map((key) => [key, side[key] ?? null]))
  return { before: pick(before), after: pick(after) }
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    organisationId: entry.organisationId,
    id: randomUUID(),
    officerId: entry.officer?.id ?? null,
    actor: entry.officer?.email ?? entry.actor ?? 'system',
    action: entry.action,
    subject: entry.subject ?? null,
    details: JSON.stringify({ ...entry.details, ...entry.change }),
  })
}
