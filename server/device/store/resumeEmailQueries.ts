import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'

export interface DraftKey {
  organisationId: string
  surveyId: string
  draftId: string
}

export interface OutboxKey {
  organisationId: string
  id: string
}

/**
 * Locks a live draft of the survey for this request; false when there is none. A draft's life is
 * judged by the database's clock everywhere, as respond/queries.ts findDraft does.
 */
export async function lockLiveDraft(db: Queryable, draft: DraftKey): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM drafts WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now()
        FOR UPDATE`,
    [draft.organisationId, draft.surveyId, draft.draftId],
  )
  return rows.length > 0
}

/** Links sent and emails waiting for this draft: each request makes one or the other. */
export async function countResumeRequestsForDraft(db: Queryable, draft: DraftKey): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM resume_links WHERE organisation_id = $1 AND draft_id = $2)
           + (SELECT count(*) FROM resume_emails WHERE organisation_id = $1 AND draft_id = $2))::integer AS n`,
    [draft.organisationId, draft.draftId],
  )
  return row?.n ?? 0
}

export async function countResumeRequestsBySender(
  db: Queryable,
  sender: { organisationId: string; clientKey: string },
  since: Date,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM response_activity
      WHERE organisation_id = $1 AND client_key = $2 AND action = 'resume-email' AND occurred_at > $3`,
    [sender.organisationId, sender.clientKey, since],
  )
  return row?.n ?? 0
}

export async function recordResumeRequest(
  db: Queryable,
  sender: { organisationId: string; clientKey: string },
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO response_activity (organisation_id, client_key, action, occurred_at)
     VALUES ($1, $2, 'resume-email', $3)`,
    [sender.organisationId, sender.clientKey, at],
  )
}

/** Puts the email in the outbox; returns the row's id for the job. */
export async function insertResumeEmail(
  db: Queryable,
  draft: DraftKey,
  email: { to: string; language: string; requestedAt: Date },
): Promise<OutboxKey> {
  const id = randomUUID()
  await db.query(
    `INSERT INTO resume_emails (organisation_id, id, survey_id, draft_id, email, language, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [draft.organisationId, id, draft.surveyId, draft.draftId, email.to, email.language, email.requestedAt],
  )
  return { organisationId: draft.organisationId, id }
}

export interface ClaimedResumeEmail {
  to: string
  language: string
  draftId: string
  surveyId: string
  organisationSlug: string
  surveySlug: string
  version: number
  draftExpiresAt: Date
}

/**
 * Takes the email for this worker until holdUntil, unless another worker holds it or its draft has
 * expired. Returns nothing when there is nothing to send (sent already, being sent, or the draft gone).
 */
export async function claimResumeEmail(
  db: Queryable,
  key: OutboxKey,
  times: { now: Date; holdUntil: Date },
): Promise<ClaimedResumeEmail | undefined> {
  const rows = await db.query<{
    email: string
    language: string
    draft_id: string
    survey_id: string
    organisation_slug: string
    survey_slug: string
    version: number
    expires_at: Date
  }>(
    `WITH claimed AS (
       UPDATE resume_emails SET sending_until = $4, attempts = attempts + 1
        WHERE organisation_id = $1 AND id = $2 AND (sending_until IS NULL OR sending_until < $3)
          AND EXISTS (SELECT 1 FROM drafts d WHERE d.organisation_id = $1 AND d.id = resume_emails.draft_id
                        AND d.expires_at > now())
       RETURNING organisation_id, email, language, draft_id, survey_id)
     SELECT c.email, c.language, c.draft_id, c.survey_id, o.slug AS organisation_slug, s.slug AS survey_slug,
            d.version, d.expires_at
       FROM claimed c
       JOIN drafts d ON d.organisation_id = c.organisation_id AND d.id = c.draft_id
       JOIN surveys s ON s.organisation_id = c.organisation_id AND s.id = c.survey_id
       JOIN organisations o ON o.id = c.organisation_id`,
    [key.organisationId, key.id, times.now, times.holdUntil],
  )
  const row = rows[0]
  if (!row) return undefined
  return {
    to: row.email,
    language: row.language,
    draftId: row.draft_id,
    surveyId: row.survey_id,
    organisationSlug: row.organisation_slug,
    surveySlug: row.survey_slug,
    version: row.version,
    draftExpiresAt: row.expires_at,
  }
}

/** Sent, or not worth sending: the address goes with the row. */
export async function deleteResumeEmail(db: Queryable, key: OutboxKey): Promise<void> {
  await db.query('DELETE FROM resume_emails WHERE organisation_id = $1 AND id = $2', [
    key.organisationId,
    key.id,
  ])
}

/** The mail server refused: free the row for the queue's next try. */
export async function releaseResumeEmail(db: Queryable, key: OutboxKey): Promise<void> {
  await db.query('UPDATE resume_emails SET sending_until = NULL WHERE organisation_id = $1 AND id = $2', [
    key.organisationId,
    key.id,
  ])
}

/** An email whose draft has expired is never sent: its address is deleted now rather than at the sweep. */
export async function deleteResumeEmailOfExpiredDraft(db: Queryable, key: OutboxKey): Promise<void> {
  await db.query(
    `DELETE FROM resume_emails e USING drafts d
      WHERE e.organisation_id = $1 AND e.id = $2 AND d.organisation_id = e.organisation_id
        AND d.id = e.draft_id AND d.expires_at <= now()`,
    [key.organisationId, key.id],
  )
}
