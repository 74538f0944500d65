import type { Queryable } from '../../db/database'

export interface OutcomeIndicatorRow {
  id: string
  number: string
  outcome_slug: string | null
  survey_id: string | null
  questions: string[] | null
}

export interface OutcomeRow {
  id: string
  slug: string
  statement: string
}

/** The organisation's outcomes in order, and every indicator's number, outcome, survey and questions. */
export async function listOutcomesAndIndicators(
  db: Queryable,
  organisationId: string,
): Promise<{ outcomes: OutcomeRow[]; indicators: OutcomeIndicatorRow[] }> {
  const outcomes = await db.query<OutcomeRow>(
    'SELECT id, slug, statement FROM outcomes WHERE organisation_id = $1 ORDER BY position, slug',
    [organisationId],
  )
  const indicators = await db.query<OutcomeIndicatorRow>(
    `SELECT i.id, i.number, o.slug AS outcome_slug, i.survey_id,
            ARRAY(SELECT jsonb_array_elements_text(coalesce(i.counting->'questions', '[]'::jsonb))) AS questions
       FROM indicators i LEFT JOIN outcomes o ON o.organisation_id = i.organisation_id AND o.id = i.outcome_id
      WHERE i.organisation_id = $1`,
    [organisationId],
  )
  return { outcomes, indicators }
}

/** Counts one more question in a survey indicator (a no-op when it already does). */
export async function addQuestionToIndicator(
  db: Queryable,
  organisationId: string,
  change: { indicatorId: string; questionId: string },
): Promise<void> {
  await db.query(
    `UPDATE indicators
        SET counting = jsonb_set(counting, '{questions}', (counting->'questions') || to_jsonb($3::text)),
            updated_at = now()
      WHERE organisation_id = $1 AND id = $2 AND counting IS NOT NULL AND NOT (counting->'questions' ? $3)`,
    [organisationId, change.indicatorId, change.questionId],
  )
}
