import type { Queryable } from '../../db/database'
import type { DraftKey } from './resumeEmailQueries'

export async function insertResumeLink(
  db: Queryable,
  draft: DraftKey,
  link: { tokenHash: string; createdAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO resume_links (organisation_id, token_hash, survey_id, draft_id, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [draft.organisationId, link.tokenHash, draft.surveyId, draft.draftId, link.createdAt],
  )
}

export async function deleteResumeLink(
  db: Queryable,
  link: { organisationId: string; tokenHash: string },
): Promise<void> {
  await db.query('DELETE FROM resume_links WHERE organisation_id = $1 AND token_hash = $2', [
    link.organisationId,
    link.tokenHash,
  ])
}

/** The draft a link leads to, and whether it is still live. Undefined for a link that never was, or whose draft is gone. */
export async function findResumeLink(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  tokenHash: string,
): Promise<{ draftId: string; live: boolean } | undefined> {
  const rows = await db.query<{ draft_id: string; live: boolean }>(
    `SELECT l.draft_id, d.expires_at > now() AS live
       FROM resume_links l JOIN drafts d ON d.organisation_id = l.organisation_id AND d.id = l.draft_id
      WHERE l.organisation_id = $1 AND l.survey_id = $2 AND l.token_hash = $3`,
    [survey.organisationId, survey.surveyId, tokenHash],
  )
  const row = rows[0]
  return row ? { draftId: row.draft_id, live: row.live } : undefined
}
