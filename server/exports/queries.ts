import type { Queryable } from '../db/database'
import type { ResultsFilter } from '../results/types'
import type { SurveyVersion } from '../surveys/queries'
import type { StoredAnswer } from '../surveys/questionTypes/contract'

export interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface ResponsePageRow {
  id: string
  version: number
  language: string
  answers: Record<string, StoredAnswer>
  submitted_at: Date
  /**
   * The time to the microsecond, as PostgreSQL writes it. A JavaScript Date keeps only
   * milliseconds, so a cursor made from one would fall before its own row and read rows twice.
   */
  submitted_text: string
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

// Only what an export shows is read: never the reference or the draft id. The id serves only to
// put responses sent in the same microsecond in a fixed order.
const selectResponses = `SELECT id, version, language, answers, submitted_at, submitted_at::text AS submitted_text
  FROM responses
 WHERE organisation_id = $1 AND survey_id = $2
   AND ($3::timestamptz IS NULL OR submitted_at >= $3::timestamptz)
   AND ($4::timestamptz IS NULL OR submitted_at < $4::timestamptz)
   AND ($5::text IS NULL OR language = $5::text)
   AND ($6::jsonb IS NULL OR answers @> $6::jsonb)`

const selectionParameters = (survey: SurveyKey, filter: ResultsFilter): unknown[] => [
  survey.organisationId,
  survey.surveyId,
  filter.from ?? null,
  filter.to ?? null,
  filter.language ?? null,
  filter.aboutYou ? JSON.stringify(filter.aboutYou) : null,
]

/**
 * Up to `size` responses sent after a time, oldest first. The order is exactly that of the index
 * on (organisation_id, survey_id, submitted_at), so each page is a short walk along the index
 * whatever the planner's statistics say. (Ordering by id as well would add a sort, and without
 * statistics, which PGlite never gathers by itself, PostgreSQL then sorts every remaining row for
 * each page: an export of n responses would cost n squared.)
 */
export async function findResponsesAfter(
  db: Queryable,
  survey: SurveyKey,
  page: { filter: ResultsFilter; after: string; size: number },
): Promise<ResponsePageRow[]> {
  return db.query<ResponsePageRow>(
    `${selectResponses} AND submitted_at > $7::timestamptz ORDER BY submitted_at LIMIT $8`,
    [...selectionParameters(survey, page.filter), page.after, page.size],
  )
}

/** Every response sent at one instant, by id: the few that can straddle the end of a page. */
export async function findResponsesAt(
  db: Queryable,
  survey: SurveyKey,
  instant: { filter: ResultsFilter; at: string },
): Promise<ResponsePageRow[]> {
  return db.query<ResponsePageRow>(`${selectResponses} AND submitted_at = $7::timestamptz ORDER BY id`, [
    ...selectionParameters(survey, instant.filter),
    instant.at,
  ])
}
