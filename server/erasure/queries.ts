import type { Queryable } from '../db/database'
import type { SurveyWordsByLanguage } from '../surveys/words'

/** A response found by its reference: which survey, when it was sent, and whether it is counted or held. */
export interface FoundResponse {
  surveySlug: string
  surveyWords: SurveyWordsByLanguage
  submittedAt: Date
  held: boolean
}

interface FoundRow {
  slug: string
  words: SurveyWordsByLanguage
  submitted_at: Date
  held: boolean
}

// The words of the version it was answered in, for the survey's title. Never the answers.
const foundIn = (table: 'responses' | 'held_responses', held: boolean) => `
  SELECT s.slug, v.words, r.submitted_at, ${String(held)} AS held
    FROM ${table} r
    JOIN surveys s ON s.organisation_id = r.organisation_id AND s.id = r.survey_id
    JOIN survey_versions v
      ON v.organisation_id = r.organisation_id AND v.survey_id = r.survey_id AND v.version = r.version
   WHERE r.organisation_id = $1 AND r.reference = $2`

/** The organisation's response (counted or held) with this reference, if it has one. */
export async function findResponseByReference(
  db: Queryable,
  organisationId: string,
  reference: string,
): Promise<FoundResponse | undefined> {
  const rows = await db.query<FoundRow>(
    `${foundIn('responses', false)} UNION ALL ${foundIn('held_responses', true)} ORDER BY submitted_at LIMIT 1`,
    [organisationId, reference],
  )
  const row = rows[0]
  return row
    ? { surveySlug: row.slug, surveyWords: row.words, submittedAt: row.submitted_at, held: row.held }
    : undefined
}

/**
 * Deletes the organisation's response with this reference, counted or held, with its free-text tags,
 * in the caller's transaction. Returns the slugs of the surveys it was in (none when nothing was there).
 */
export async function deleteResponsesByReference(
  tx: Queryable,
  organisationId: string,
  reference: string,
): Promise<{ surveySlug: string; held: boolean }[]> {
  await tx.query(
    `DELETE FROM answer_themes WHERE organisation_id = $1 AND response_id IN
       (SELECT id FROM responses WHERE organisation_id = $1 AND reference = $2)`,
    [organisationId, reference],
  )
  const deleted = await tx.query<{ survey_id: string; held: boolean }>(
    `WITH counted AS (DELETE FROM responses WHERE organisation_id = $1 AND reference = $2 RETURNING survey_id),
          held AS (DELETE FROM held_responses WHERE organisation_id = $1 AND reference = $2 RETURNING survey_id)
     SELECT survey_id, false AS held FROM counted UNION ALL SELECT survey_id, true AS held FROM held`,
    [organisationId, reference],
  )
  if (deleted.length === 0) return []
  const slugs = await tx.query<{ id: string; slug: string }>(
    'SELECT id, slug FROM surveys WHERE organisation_id = $1 AND id = ANY ($2::uuid[])',
    [organisationId, deleted.map((row) => row.survey_id)],
  )
  const slugOf = new Map(slugs.map((row) => [row.id, row.slug]))
  return deleted.map((row) => ({ surveySlug: slugOf.get(row.survey_id) ?? '', held: row.held }))
}
