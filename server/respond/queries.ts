import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { StoredAnswer } from '../surveys/questionTypes/contract'
import type { Answers } from './journey'

export interface Draft {
  id: string
  organisationId: string
  surveyId: string
  version: number
  language: string
  answers: Answers
  /** Made while an officer previewed the survey: never carried on or sent as a response. */
  preview: boolean
}

interface DraftRow {
  id: string
  organisation_id: string
  survey_id: string
  version: number
  language: string
  answers: Answers
  preview: boolean
}

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  organisationId: row.organisation_id,
  surveyId: row.survey_id,
  version: row.version,
  language: row.language,
  answers: row.answers,
  preview: row.preview,
})

export async function insertDraft(
  db: Queryable,
  options: {
    organisationId: string
    surveyId: string
    version: number
    language: string
    ttlDays: number
    /** When it was started, to see at submit a response sent faster than anyone could read it. */
    startedAt: Date
    groupSessionId: string | null
  },
): Promise<Draft> {
  const id = randomUUID()
  const rows = await db.query<DraftRow>(
    `INSERT INTO drafts (organisation_id, id, survey_id, version, language, expires_at, started_at, group_session_id)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7, $8)
     RETURNING id, organisation_id, survey_id, version, language, answers, preview`,
    [
      options.organisationId,
      id,
      options.surveyId,
      options.version,
      options.language,
      options.ttlDays * 86400,
      options.startedAt,
      options.groupSessionId,
    ],
  )
  const [row] = rows
  if (!row) throw new Error('Draft was not inserted')
  return toDraft(row)
}

/** A live draft of this survey; expired drafts are treated as gone even before they are cleared away. */
export async function findDraft(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  draftId: string,
): Promise<Draft | undefined> {
  const rows = await db.query<DraftRow>(
    `SELECT id, organisation_id, survey_id, version, language, answers, preview FROM drafts
      WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now()`,
    [survey.organisationId, survey.surveyId, draftId],
  )
  return rows[0] ? toDraft(rows[0]) : undefined
}

/** Saves one answer and pushes the expiry on, so an active respondent never loses their draft. */
export async function saveDraftAnswer(
  db: Queryable,
  draft: Pick<Draft, 'organisationId' | 'id'>,
  answer: { questionId: string; value: StoredAnswer; language: string; ttlDays: number },
): Promise<void> {
  // The language of the latest answer is the one the response was answered in.
  await db.query(
    `UPDATE drafts
        SET answers = answers || jsonb_build_object($3::text, $4::jsonb), language = $5,
            updated_at = now(), expires_at = now() + make_interval(secs => $6)
      WHERE organisation_id = $1 AND id = $2`,
    [
      draft.organisationId,
      draft.id,
      answer.questionId,
      JSON.stringify(answer.value),
      answer.language,
      answer.ttlDays * 86400,
    ],
  )
}

/**
 * The reference of the response a draft became, counted or held for review: the respondent sees the
 * same confirmation either way, so nobody can tell from the page that a response was held.
 */
export async function findResponseReferenceByDraft(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  draftId: string,
): Promise<string | undefined> {
  const rows = await db.query<{ reference: string }>(
    `SELECT reference FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid)
     UNION ALL
     SELECT reference FROM held_responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid)`,
    [survey.organisationId, survey.surveyId, draftId],
  )
  return rows[0]?.reference
}

/** The reference, if a response of this survey (counted or held) has it. */
export async function findResponseReference(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  reference: string,
): Promise<string | undefined> {
  const rows = await db.query<{ reference: string }>(
    `SELECT reference FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND reference = $3
     UNION ALL
     SELECT reference FROM held_responses WHERE organisation_id = $1 AND survey_id = $2 AND reference = $3`,
    [survey.organisationId, survey.surveyId, reference],
  )
  return rows[0]?.reference
}
