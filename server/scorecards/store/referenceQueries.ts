import type { Queryable } from '../../db/database'
import type { ReferenceArea, ReferenceValue } from '../model/types'

interface ReferenceRow {
  indicator_id: string
  period: string
  area: ReferenceArea
  value: string | number
  source: string
  entered_by: string
}

export interface EnteredReference extends ReferenceValue {
  enteredBy: string
}

const referenceFrom = (row: ReferenceRow): EnteredReference => ({
  indicatorId: row.indicator_id,
  period: row.period,
  area: row.area,
  value: Number(row.value),
  source: row.source,
  enteredBy: row.entered_by,
})

/** An organisation's reference values, or one indicator's, latest period first. */
export async function listReferenceValues(
  db: Queryable,
  organisationId: string,
  indicatorId?: string,
): Promise<EnteredReference[]> {
  const rows = await db.query<ReferenceRow>(
    `SELECT indicator_id, period, area, value, source, entered_by FROM indicator_reference_values
      WHERE organisation_id = $1 AND ($2::uuid IS NULL OR indicator_id = $2::uuid)
      ORDER BY indicator_id, period DESC, area`,
    [organisationId, indicatorId ?? null],
  )
  return rows.map(referenceFrom)
}

/** The reference values these would replace, for the audit line. */
export async function findReferenceValues(
  db: Queryable,
  organisationId: string,
  slots: readonly { indicatorId: string; period: string; area: ReferenceArea }[],
): Promise<EnteredReference[]> {
  const rows = await db.query<ReferenceRow>(
    `SELECT value.indicator_id, value.period, value.area, value.value, value.source, value.entered_by
       FROM indicator_reference_values value
       JOIN unnest($2::uuid[], $3::text[], $4::text[]) AS slot(indicator_id, period, area)
         ON slot.indicator_id = value.indicator_id AND slot.period = value.period AND slot.area = value.area
      WHERE value.organisation_id = $1`,
    [
      organisationId,
      slots.map((slot) => slot.indicatorId),
      slots.map((slot) => slot.period),
      slots.map((slot) => slot.area),
    ],
  )
  return rows.map(referenceFrom)
}

/** Sets reference values: a later one for the same indicator, period and area replaces the earlier. */
export async function saveReferenceValues(
  db: Queryable,
  organisationId: string,
  values: readonly ReferenceValue[],
  enteredBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO indicator_reference_values (organisation_id, indicator_id, period, area, value, source, entered_by)
     SELECT $1, entry.indicator_id, entry.period, entry.area, entry.value, entry.source, $7
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::text[])
         AS entry(indicator_id, period, area, value, source)
     ON CONFLICT (organisation_id, indicator_id, period, area) DO UPDATE
       SET value = EXCLUDED.value, source = EXCLUDED.source, entered_by = EXCLUDED.entered_by, entered_at = now()`,
    [
      organisationId,
      values.map((each) => each.indicatorId),
      values.map((each) => each.period),
      values.map((each) => each.area),
      values.map((each) => each.value),
      values.map((each) => each.source),
      enteredBy,
    ],
  )
}

/** Removes one reference value; the one removed, or undefined if there was none. */
export async function removeReferenceValue(
  db: Queryable,
  organisationId: string,
  slot: { indicatorId: string; period: string; area: ReferenceArea },
): Promise<EnteredReference | undefined> {
  const [row] = await db.query<ReferenceRow>(
    `DELETE FROM indicator_reference_values
      WHERE organisation_id = $1 AND indicator_id = $2 AND period = $3 AND area = $4
      RETURNING indicator_id, period, area, value, source, entered_by`,
    [organisationId, slot.indicatorId, slot.period, slot.area],
  )
  return row && referenceFrom(row)
}
