import type { Queryable } from '../db/database'

/**
 * When a survey closed (or will close), as SQL over the surveys row aliased `s`: an officer closing it,
 * or its closing date, whichever came first. A draft never opened and has nothing to keep.
 */
export const closingMomentSql = `LEAST(CASE WHEN s.status = 'closed' THEN s.closed_at END,
                                       CASE WHEN s.status <> 'draft' THEN s.closes_at END)`

/** How many months a survey's responses are kept after it closes: its own setting or its organisation's. */
export const retentionMonthsSql = 'COALESCE(s.retention_months, o.retention_months)'

/** London's calendar months, so the result does not depend on the database session's time zone. */
const plusMonthsSql = (moment: string, months: string) =>
  `((${moment} AT TIME ZONE 'Europe/London') + make_interval(months => ${months})) AT TIME ZONE 'Europe/London'`

/** The moment a survey's responses become due for deletion, or null while it has no end. */
export const deleteAfterSql = `(${plusMonthsSql(closingMomentSql, retentionMonthsSql)})`

/** A survey's own retention period in months, or null for its organisation's default. */
export async function setRetentionMonths(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  months: number | null,
): Promise<void> {
  await db.query('UPDATE surveys SET retention_months = $3 WHERE organisation_id = $1 AND id = $2', [
    survey.organisationId,
    survey.surveyId,
    months,
  ])
}

export interface RetentionOrganisation {
  id: string
  safeguardingRetentionMonths: number
}

export async function listOrganisationsForRetention(db: Queryable): Promise<RetentionOrganisation[]> {
  const rows = await db.query<{ id: string; safeguarding_retention_months: number }>(
    'SELECT id, safeguarding_retention_months FROM organisations ORDER BY id',
  )
  return rows.map((row) => ({ id: row.id, safeguardingRetentionMonths: row.safeguarding_retention_months }))
}

/** Surveys of an organisation whose responses are due for deletion at this time. */
export async function listSurveysDueForDeletion(
  db: Queryable,
  organisationId: string,
  now: Date,
): Promise<{ id: string; slug: string }[]> {
  return db.query<{ id: string; slug: string }>(
    `SELECT s.id, s.slug FROM surveys s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.organisation_id = $1 AND ${deleteAfterSql} <= $2
      ORDER BY s.slug`,
    [organisationId, now],
  )
}

/** Marks the survey's responses as deleted for retention before the first is deleted (see recomputeFacts). */
export async function markResponsesDeleted(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE surveys SET responses_deleted_at = $3
      WHERE organisation_id = $1 AND id = $2 AND responses_deleted_at IS NULL`,
    [survey.organisationId, survey.surveyId, now],
  )
}

/**
 * Deletes up to `limit` of a survey's counted responses with their free-text tags, in the caller's
 * transaction. Returns how many of each went.
 */
export async function deleteResponseBatch(
  tx: Queryable,
  survey: { organisationId: string; surveyId: string },
  limit: number,
): Promise<{ responses: number; answerTags: number }> {
  const ids = await tx.query<{ id: string }>(
    'SELECT id FROM responses WHERE organisation_id = $1 AND survey_id = $2 LIMIT $3 FOR UPDATE',
    [survey.organisationId, survey.surveyId, limit],
  )
  if (ids.length === 0) return { responses: 0, answerTags: 0 }
  const idList = ids.map((row) => row.id)
  const tags = await tx.query(
    'DELETE FROM answer_themes WHERE organisation_id = $1 AND response_id = ANY ($2::uuid[]) RETURNING 1',
    [survey.organisationId, idList],
  )
  const responses = await tx.query(
    'DELETE FROM responses WHERE organisation_id = $1 AND id = ANY ($2::uuid[]) RETURNING 1',
    [survey.organisationId, idList],
  )
  return { responses: responses.length, answerTags: tags.length }
}

/**
 * Deletes up to `limit` of an organisation's rows of a table that match `where` (SQL over $2, the
 * value given), in one statement; returns how many went. Rows are picked by `key`: their id, or
 * their physical address (ctid).
 */
async function deleteBatch(
  db: Queryable,
  batch: { table: 'held_responses' | 'drafts' | 'response_activity'; key: 'id' | 'ctid'; where: string },
  values: { organisationId: string; value: unknown; limit: number },
): Promise<number> {
  const rows = await db.query(
    `DELETE FROM ${batch.table} WHERE organisation_id = $1 AND ${batch.key} IN
       (SELECT ${batch.key} FROM ${batch.table} WHERE organisation_id = $1 AND ${batch.where} LIMIT $3)
     RETURNING 1`,
    [values.organisationId, values.value, values.limit],
  )
  return rows.length
}

/** Deletes up to `limit` of a survey's held responses (those waiting outside every count). */
export function deleteHeldResponseBatch(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  limit: number,
): Promise<number> {
  return deleteBatch(
    db,
    { table: 'held_responses', key: 'id', where: 'survey_id = $2' },
    { organisationId: survey.organisationId, value: survey.surveyId, limit },
  )
}

/** Deletes up to `limit` drafts of the organisation that expired by this time. */
export function deleteExpiredDraftBatch(
  db: Queryable,
  organisationId: string,
  options: { now: Date; limit: number },
): Promise<number> {
  return deleteBatch(
    db,
    { table: 'drafts', key: 'id', where: 'expires_at <= $2' },
    { organisationId, value: options.now, limit: options.limit },
  )
}

/**
 * Deletes up to `limit` safeguarding alerts closed more than `months` ago; their help requests, notes and
 * email rows go with them (ON DELETE CASCADE). Open and acknowledged alerts are never deleted.
 */
export async function deleteClosedAlertBatch(
  db: Queryable,
  organisationId: string,
  options: { now: Date; months: number; limit: number },
): Promise<{ alerts: number; helpRequests: number }> {
  const rows = await db.query<{ kind: string }>(
    `DELETE FROM safeguarding_alerts WHERE organisation_id = $1 AND id IN
       (SELECT id FROM safeguarding_alerts
         WHERE organisation_id = $1 AND status = 'closed' AND ${plusMonthsSql('closed_at', '$3')} <= $2
         LIMIT $4)
     RETURNING kind`,
    [organisationId, options.now, options.months, options.limit],
  )
  return { alerts: rows.length, helpRequests: rows.filter((row) => row.kind === 'help-request').length }
}

/** Deletes up to `limit` rows of limit-counting activity from before the cut-off. */
export function deleteOldActivityBatch(
  db: Queryable,
  organisationId: string,
  options: { before: Date; limit: number },
): Promise<number> {
  // The table has no key of its own: rows are picked by their physical address.
  return deleteBatch(
    db,
    { table: 'response_activity', key: 'ctid', where: 'occurred_at < $2' },
    { organisationId, value: options.before, limit: options.limit },
  )
}

/**
 * The facts of indicators counted from surveys whose responses the sweep deleted: the only record left
 * of what those responses said in aggregate. Own figures have part ''; pooled parts name a question.
 */
export async function listFactsOfDeletedResponses(
  db: Queryable,
  organisationId: string,
): Promise<
  {
    indicatorId: string
    period: string
    part: string
    numerator: number | null
    denominator: number | null
    value: number | null
  }[]
> {
  const rows = await db.query<{
    indicator_id: string
    period: string
    part: string
    numerator: number | null
    denominator: number | null
    value: string | number | null
  }>(
    `SELECT f.indicator_id, f.period, f.part, f.numerator, f.denominator, f.value
       FROM indicator_facts f
       JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
       JOIN surveys s ON s.organisation_id = i.organisation_id AND s.id = i.survey_id
      WHERE f.organisation_id = $1 AND s.responses_deleted_at IS NOT NULL`,
    [organisationId],
  )
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    period: row.period,
    part: row.part,
    numerator: row.numerator,
    denominator: row.denominator,
    value: row.value === null ? null : Number(row.value),
  }))
}
