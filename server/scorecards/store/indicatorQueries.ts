import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import type {
  Frequency,
  GoodIs,
  Indicator,
  IndicatorKind,
  SurveyCounting,
  Target,
  Unit,
} from '../model/types'

interface IndicatorRow {
  id: string
  outcome_id: string | null
  number: string
  wording: string
  kind: IndicatorKind
  unit: Unit
  good_is: GoodIs
  frequency: Frequency
  source: string
  data_owner: string
  baseline_value: string | number | null
  baseline_date: string | null
  amber_tolerance: string | number
  survey_id: string | null
  survey_slug: string | null
  counting: SurveyCounting | null
  targets: { date: string; value: string | number }[]
}

/** The columns an officer sets; everything but the id. */
export type IndicatorFields = Omit<Indicator, 'id' | 'targets' | 'survey'> & {
  surveyId: string | null
  counting: SurveyCounting | null
}

const selectIndicators = `
SELECT i.id, i.outcome_id, i.number, i.wording, i.kind, i.unit, i.good_is, i.frequency, i.source,
       i.data_owner, i.baseline_value, to_char(i.baseline_date, 'YYYY-MM-DD') AS baseline_date, i.amber_tolerance, i.survey_id, s.slug AS survey_slug,
       i.counting,
       coalesce((SELECT jsonb_agg(jsonb_build_object('date', to_char(t.target_date, 'YYYY-MM-DD'), 'value', t.value)
                                  ORDER BY t.target_date)
                   FROM indicator_targets t
                  WHERE t.organisation_id = i.organisation_id AND t.indicator_id = i.id), '[]'::jsonb) AS targets
  FROM indicators i
  LEFT JOIN surveys s ON s.organisation_id = i.organisation_id AND s.id = i.survey_id
 WHERE i.organisation_id = $1`

/** Indicator numbers sort as numbers part by part: 1.2 before 1.10. */
const byNumber = (left: Indicator, right: Indicator): number => {
  const a = left.number.split('.').map(Number)
  const b = right.number.split('.').map(Number)
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1)
    if (difference !== 0) return difference
  }
  return 0
}

function indicatorFrom(row: IndicatorRow): Indicator {
  const indicator: Indicator = {
    id: row.id,
    outcomeId: row.outcome_id,
    number: row.number,
    wording: row.wording,
    kind: row.kind,
    unit: row.unit,
    goodIs: row.good_is,
    frequency: row.frequency,
    source: row.source,
    dataOwner: row.data_owner,
    baseline:
      row.baseline_value === null || row.baseline_date === null
        ? null
        : { value: Number(row.baseline_value), date: row.baseline_date },
    amberTolerance: Number(row.amber_tolerance),
    targets: row.targets.map((target) => ({ date: target.date, value: Number(target.value) })),
  }
  if (row.survey_id && row.survey_slug)
    indicator.survey = {
      id: row.survey_id,
      slug: row.survey_slug,
      counting: row.counting ?? { questions: [], positive: [], excluded: [], aboutYou: {} },
    }
  return indicator
}

export async function listIndicators(db: Queryable, organisationId: string): Promise<Indicator[]> {
  const rows = await db.query<IndicatorRow>(selectIndicators, [organisationId])
  return rows.map(indicatorFrom).sort(byNumber)
}

/** Indicators are named in URLs by their number with hyphens: 2.3 is 2-3. */
/** Every organisation that has an indicator, so has facts to compute. */
export async function listOrganisationsWithIndicators(db: Queryable): Promise<string[]> {
  const organisations = await db.query<{ organisation_id: string }>(
    'SELECT DISTINCT organisation_id FROM indicators',
  )
  return organisations.map((row) => row.organisation_id)
}

export async function findIndicator(
  db: Queryable,
  organisationId: string,
  handle: string,
): Promise<Indicator | undefined> {
  const rows = await db.query<IndicatorRow>(`${selectIndicators} AND i.number = $2`, [
    organisationId,
    handle.replaceAll('-', '.'),
  ])
  return rows[0] ? indicatorFrom(rows[0]) : undefined
}

const fieldValues = (fields: IndicatorFields) => [
  fields.outcomeId,
  fields.number,
  fields.wording,
  fields.kind,
  fields.unit,
  fields.goodIs,
  fields.frequency,
  fields.source,
  fields.dataOwner,
  fields.baseline?.value ?? null,
  fields.baseline?.date ?? null,
  fields.amberTolerance,
  fields.kind === 'survey' ? fields.surveyId : null,
  fields.kind === 'survey' && fields.counting ? JSON.stringify(fields.counting) : null,
]

/** Adds an indicator; false when its number is taken. */
export async function insertIndicator(
  db: Queryable,
  organisationId: string,
  fields: IndicatorFields,
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO indicators (organisation_id, id, outcome_id, number, wording, kind, unit, good_is, frequency,
                             source, data_owner, baseline_value, baseline_date, amber_tolerance, survey_id, counting)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (organisation_id, number) DO NOTHING RETURNING id`,
    [organisationId, randomUUID(), ...fieldValues(fields)],
  )
  return rows[0]?.id
}

export async function updateIndicator(
  db: Queryable,
  organisationId: string,
  id: string,
  fields: IndicatorFields,
): Promise<void> {
  await db.query(
    `UPDATE indicators SET outcome_id = $3, number = $4, wording = $5, kind = $6, unit = $7, good_is = $8,
            frequency = $9, source = $10, data_owner = $11, baseline_value = $12, baseline_date = $13,
            amber_tolerance = $14, survey_id = $15, counting = $16, updated_at = now()
      WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id, ...fieldValues(fields)],
  )
}

export async function replaceTargets(
  db: Queryable,
  organisationId: string,
  indicatorId: string,
  targets: readonly Target[],
): Promise<void> {
  await db.query('DELETE FROM indicator_targets WHERE organisation_id = $1 AND indicator_id = $2', [
    organisationId,
    indicatorId,
  ])
  await db.query(
    `INSERT INTO indicator_targets (organisation_id, indicator_id, target_date, value)
     SELECT $1, $2, target.date::date, target.value FROM unnest($3::text[], $4::numeric[]) AS target(date, value)`,
    [
      organisationId,
      indicatorId,
      targets.map((target) => target.date),
      targets.map((target) => target.value),
    ],
  )
}
