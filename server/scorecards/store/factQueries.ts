import type { Queryable } from '../../db/database'
import type { IndicatorFact, PartFact } from '../model/types'

interface FactRow {
  indicator_id: string
  period: string
  part: string
  numerator: number | null
  denominator: number | null
  value: string | number | null
}

const factFrom = (row: FactRow): IndicatorFact => ({
  indicatorId: row.indicator_id,
  period: row.period,
  numerator: row.numerator,
  denominator: row.denominator,
  value: row.value === null ? null : Number(row.value),
})

/** Every fact of an organisation: the indicators' own figures, and the parts of pooled ones. */
export async function listFacts(
  db: Queryable,
  organisationId: string,
): Promise<{ facts: IndicatorFact[]; parts: PartFact[] }> {
  const rows = await db.query<FactRow>(
    `SELECT indicator_id, period, part, numerator, denominator, value FROM indicator_facts
      WHERE organisation_id = $1 ORDER BY indicator_id, period, part`,
    [organisationId],
  )
  return {
    facts: rows.filter((row) => row.part === '').map(factFrom),
    parts: rows.filter((row) => row.part !== '').map((row) => ({ ...factFrom(row), questionId: row.part })),
  }
}

export async function lastComputedAt(db: Queryable, organisationId: string): Promise<Date | null> {
  const [row] = await db.query<{ computed_at: Date | null }>(
    'SELECT max(computed_at) AS computed_at FROM indicator_facts WHERE organisation_id = $1',
    [organisationId],
  )
  return row?.computed_at ?? null
}

/**
 * Holds the organisation's facts until the transaction ends. Two recomputations at once would each
 * delete, then collide on the other's inserts.
 */
export async function lockFactsOf(tx: Queryable, organisationId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [organisationId])
}

/**
 * Replaces the facts of these indicators with the ones given, in one transaction's worth of work
 * (the caller holds the transaction): delete the slice, insert it again, so doing it twice is the
 * same as doing it once.
 */
export async function replaceFacts(
  tx: Queryable,
  organisationId: string,
  indicatorIds: readonly string[],
  facts: readonly (IndicatorFact | PartFact)[],
): Promise<void> {
  await tx.query(
    'DELETE FROM indicator_facts WHERE organisation_id = $1 AND indicator_id = ANY ($2::uuid[])',
    [organisationId, indicatorIds],
  )
  await tx.query(
    `INSERT INTO indicator_facts (organisation_id, indicator_id, period, part, numerator, denominator, value)
     SELECT $1, fact.indicator_id, fact.period, fact.part, fact.numerator, fact.denominator, fact.value
       FROM unnest($2::uuid[], $3::text[], $7::text[], $4::integer[], $5::integer[], $6::numeric[])
         AS fact(indicator_id, period, part, numerator, denominator, value)`,
    [
      organisationId,
      facts.map((fact) => fact.indicatorId),
      facts.map((fact) => fact.period),
      facts.map((fact) => fact.numerator),
      facts.map((fact) => fact.denominator),
      facts.map((fact) => fact.value),
      facts.map((fact) => ('questionId' in fact ? fact.questionId : '')),
    ],
  )
}

export async function listAdministrativeFacts(
  db: Queryable,
  organisationId: string,
): Promise<IndicatorFact[]> {
  const rows = await db.query<FactRow>(
    `SELECT indicator_id, period, '' AS part, NULL::integer AS numerator, NULL::integer AS denominator, value
       FROM administrative_values WHERE organisation_id = $1`,
    [organisationId],
  )
  return rows.map((row) => ({
    indicatorId: row.indicator_id,
    period: row.period,
    numerator: null,
    denominator: null,
    value: row.value === null ? null : Number(row.value),
  }))
}

/** Sets administrative figures (a later entry for the same period replaces the earlier one). */
export async function saveAdministrativeValues(
  db: Queryable,
  organisationId: string,
  values: readonly { indicatorId: string; period: string; value: number }[],
  enteredBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO administrative_values (organisation_id, indicator_id, period, value, entered_by)
     SELECT $1, entry.indicator_id, entry.period, entry.value, $5
       FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS entry(indicator_id, period, value)
     ON CONFLICT (organisation_id, indicator_id, period)
     DO UPDATE SET value = EXCLUDED.value, entered_by = EXCLUDED.entered_by, entered_at = now()`,
    [
      organisationId,
      values.map((each) => each.indicatorId),
      values.map((each) => each.period),
      values.map((each) => each.value),
      enteredBy,
    ],
  )
}

export async function listAdministrativeValues(
  db: Queryable,
  organisationId: string,
  indicatorId: string,
): Promise<{ period: string; value: number; enteredBy: string }[]> {
  const rows = await db.query<{ period: string; value: string | number; entered_by: string }>(
    `SELECT period, value, entered_by FROM administrative_values
      WHERE organisation_id = $1 AND indicator_id = $2 ORDER BY period DESC`,
    [organisationId, indicatorId],
  )
  return rows.map((row) => ({ period: row.period, value: Number(row.value), enteredBy: row.entered_by }))
}
