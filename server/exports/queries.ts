import type { Queryable } from '../db/database'
import type { ResultsFilter } from '../results/types'
import type { SurveyVersion } from '../surveys/queries'
import type { StoredAnswer } from '../surveys/questionTypes/contract'

export interface SurveyKey {
  organisationId: string
  surveyId: string
}

/** Where the previous page ended: the last row's time, as PostgreSQL text, and its id. */
export interface PageCursor {
  submittedAt: string
  id: string
}

/** Before every response: nothing is submitted at -infinity, and the nil id sorts first. */
export const firstPage: PageCursor = { submittedAt: '-infinity', id: '00000000-0000-0000-0000-000000000000' }

export interface ResponsePageRow {
  id: string
  version: number
  language: string
  answers: Record<string, StoredAnswer>
  submitted_at: Date
  /** The full microsecond time as text: a JavaScript Date keeps only milliseconds, so a cursor made
   * from one would fall before its own row and read rows twice. */
  cursor_at: string
}

/** Every version of a survey, newest first; exports cover responses to all of them. */
export async function findSurveyVersions(db: Queryable, survey: SurveyKey): Promise<SurveyVersion[]> {
  return db.query<SurveyVersion>(
    `SELECT version, definition, words FROM survey_versions
      WHERE organisation_id = $1 AND survey_id = $2
      ORDER BY version DESC`,
    [survey.organisationId, survey.surveyId],
  )
}

/**
 * One page of responses after a cursor, oldest first, by keyset on (submitted_at, id) so each page
 * costs the same however deep into the survey it is. Only what an export shows is read: never the
 * reference or the draft id; the id serves only as the cursor's tie-break.
 */
export async function findResponsePage(
  db: Queryable,
  survey: SurveyKey,
  page: { filter: ResultsFilter; after: PageCursor; size: number },
): Promise<ResponsePageRow[]> {
  const { filter, after, size } = page
  return db.query<ResponsePageRow>(
    `SELECT id, version, language, answers, submitted_at, submitted_at::text AS cursor_at
       FROM responses
      WHERE organisation_id = $1 AND survey_id = $2
        AND ($3::timestamptz IS NULL OR submitted_at >= $3::timestamptz)
        AND ($4::timestamptz IS NULL OR submitted_at < $4::timestamptz)
        AND ($5::text IS NULL OR language = $5::text)
        AND ($6::jsonb IS NULL OR answers @> $6::jsonb)
        AND (submitted_at, id) > ($7::timestamptz, $8::uuid)
      ORDER BY submitted_at, id
      LIMIT $9`,
    [
      survey.organisationId,
      survey.surveyId,
      filter.from ?? null,
      filter.to ?? null,
      filter.language ?? null,
      filter.aboutYou ? JSON.stringify(filter.aboutYou) : null,
      after.submittedAt,
      after.id,
      size,
    ],
  )
}
