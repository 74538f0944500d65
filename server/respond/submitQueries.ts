import type { Queryable } from '../db/database'
import type { Answers } from './journey'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface LockedDraft {
  version: number
  language: string
  answers: Answers
  started_at: Date | null
  group_session_id: string | null
  /** Set on a response an officer types in: how it was collected, and who typed it. */
  collection_method: string | null
  entered_by: string | null
}

/** A live draft, locked until the transaction ends, so submits of one draft queue up behind each other. */
export async function lockDraft(
  tx: Queryable,
  survey: SurveyKey,
  draftId: string,
): Promise<LockedDraft | undefined> {
  const drafts = await tx.query<LockedDraft>(
    `SELECT version, language, answers, started_at, group_session_id, collection_method, entered_by FROM drafts
        WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now() FOR UPDATE`,
    [survey.organisationId, survey.surveyId, draftId],
  )
  return drafts[0]
}

/** A response to be counted; it keeps only the London day it was sent, and the hash of its draft id. */
export interface CountedRow extends SurveyKey {
  id: string
  version: number
  language: string
  reference: string
  draftId: string
  answers: Record<string, unknown>
  submittedAt: Date
  collectionMethod: string
}

/**
 * Inserts the response unless its reference is taken, here or among the held responses; false when
 * nothing was inserted (the reference or the draft already has a row).
 */
export async function insertCountedResponse(tx: Queryable, row: CountedRow): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at,
                            collection_method)
     SELECT $1, $2, $3, $4, $5, $6, draft_key($7::uuid), $8, ($9::timestamptz AT TIME ZONE 'Europe/London')::date, $10
      WHERE NOT EXISTS (SELECT 1 FROM held_responses WHERE organisation_id = $1 AND reference = $6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      row.organisationId,
      row.id,
      row.surveyId,
      row.version,
      row.language,
      row.reference,
      row.draftId,
      JSON.stringify(row.answers),
      row.submittedAt,
      row.collectionMethod,
    ],
  )
  return inserted.length > 0
}

export async function deleteDraft(tx: Queryable, organisationId: string, draftId: string): Promise<void> {
  await tx.query('DELETE FROM drafts WHERE organisation_id = $1 AND id = $2', [organisationId, draftId])
}
