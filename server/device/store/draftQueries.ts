import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import type { EnteredMethod } from '../model/collectionMethods'

/**
 * Deletes a draft of the survey (its resume links and waiting emails go with it). With a group
 * session, only a draft started in that session and left alone since idleSince: a shared device's
 * reset never reaches anyone else's draft, nor one somebody is still answering.
 */
export async function deleteDraft(
  db: Queryable,
  draft: { organisationId: string; surveyId: string; draftId: string },
  options: { groupSessionId?: string; idleSince?: Date } = {},
): Promise<boolean> {
  const rows = await db.query(
    `DELETE FROM drafts WHERE organisation_id = $1 AND survey_id = $2 AND id = $3
        AND ($4::uuid IS NULL OR group_session_id = $4::uuid)
        AND ($5::timestamptz IS NULL OR updated_at <= $5::timestamptz) RETURNING id`,
    [
      draft.organisationId,
      draft.surveyId,
      draft.draftId,
      options.groupSessionId ?? null,
      options.idleSince ?? null,
    ],
  )
  return rows.length > 0
}

/** A draft an officer types answers into, marked with how they were collected and who typed them. */
export async function insertEnteredDraft(
  db: Queryable,
  options: {
    organisationId: string
    surveyId: string
    version: number
    language: string
    ttlDays: number
    method: EnteredMethod
    officerId: string
    now: Date
  },
): Promise<string> {
  const id = randomUUID()
  await db.query(
    `INSERT INTO drafts (organisation_id, id, survey_id, version, language, expires_at, started_at,
                         collection_method, entered_by)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7, $8, $9)`,
    [
      options.organisationId,
      id,
      options.surveyId,
      options.version,
      options.language,
      options.ttlDays * 86400,
      options.now,
      options.method,
      options.officerId,
    ],
  )
  return id
}

/** Responses of a survey by how they were collected, for the officers' pages. */
export async function countResponsesByMethod(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
): Promise<Record<string, number>> {
  const rows = await db.query<{ collection_method: string; n: number }>(
    `SELECT collection_method, count(*)::integer AS n FROM responses
      WHERE organisation_id = $1 AND survey_id = $2 GROUP BY collection_method`,
    [survey.organisationId, survey.surveyId],
  )
  return Object.fromEntries(rows.map((row) => [row.collection_method, row.n]))
}
