import type { Queryable } from '../db/database'

/** One audit row as stored: details are JSON text, actor is whoever did it (an address, or a job). */
export interface AuditEventRow {
  organisationId: string
  id: string
  officerId: string | null
  actor: string
  action: string
  subject: string | null
  details: string
}

export async function insertAuditEvent(db: Queryable, row: AuditEventRow): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (organisation_id, id, officer_id, actor, action, subject, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.organisationId, row.id, row.officerId, row.actor, row.action, row.subject, row.details],
  )
}

/** The theme names of one free-text answer, in alphabetical order. */
export async function listAnswerThemeNames(
  tx: Queryable,
  answer: { organisationId: string; responseId: string; questionId: string },
): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT t.name FROM answer_themes a
       JOIN survey_themes t ON t.organisation_id = a.organisation_id AND t.id = a.theme_id
      WHERE a.organisation_id = $1 AND a.response_id = $2 AND a.question_id = $3
      ORDER BY lower(t.name)`,
    [answer.organisationId, answer.responseId, answer.questionId],
  )
  return rows.map((row) => row.name)
}

/** The administrative figures stored for the given indicators and periods (read before they are replaced). */
export async function listAdministrativeValues(
  tx: Queryable,
  organisationId: string,
  keys: readonly { indicatorId: string; period: string }[],
): Promise<{ indicator_id: string; period: string; value: string | number | null }[]> {
  return tx.query<{ indicator_id: string; period: string; value: string | number | null }>(
    `SELECT indicator_id, period, value FROM administrative_values
      WHERE organisation_id = $1 AND (indicator_id, period) IN
            (SELECT * FROM unnest($2::uuid[], $3::text[]))`,
    [organisationId, keys.map((each) => each.indicatorId), keys.map((each) => each.period)],
  )
}

export async function countFramework(
  tx: Queryable,
  organisationId: string,
): Promise<{ outcomes: number; indicators: number } | undefined> {
  const [row] = await tx.query<{ outcomes: number; indicators: number }>(
    `SELECT (SELECT count(*)::integer FROM outcomes WHERE organisation_id = $1) AS outcomes,
            (SELECT count(*)::integer FROM indicators WHERE organisation_id = $1) AS indicators`,
    [organisationId],
  )
  return row
}
