import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import { readSnapshot, type SnapshotVersion } from '../model/publishedSnapshot'
import type { SnapshotVersion2 } from '../model/snapshots/version2'
import type { Scorecard, ShownFact } from '../model/types'

export interface SnapshotSummary {
  period: string
  publishedAt: Date
}

export interface Snapshot extends SnapshotSummary {
  /** Read through the schema of the version it was written in. */
  content: Scorecard
}

/**
 * Newest period first, whatever frequencies they were published at: by the period's last day, then,
 * for two ending together (2026-Q2 and 2026-H1), the one published later.
 */
const newestFirst = 'period_end DESC NULLS LAST, published_at DESC'

export async function listSnapshots(db: Queryable, organisationId: string): Promise<SnapshotSummary[]> {
  const rows = await db.query<{ period: string; published_at: Date }>(
    `SELECT period, published_at FROM scorecard_snapshots WHERE organisation_id = $1 ORDER BY ${newestFirst}`,
    [organisationId],
  )
  return rows.map((row) => ({ period: row.period, publishedAt: row.published_at }))
}

interface SnapshotRow {
  period: string
  published_at: Date
  schema_version: number
  content: unknown
}

const snapshotFrom = (row: SnapshotRow): Snapshot => ({
  period: row.period,
  publishedAt: row.published_at,
  content: readSnapshot(row.schema_version, row.content),
})

export async function findSnapshot(
  db: Queryable,
  organisationId: string,
  period: string,
): Promise<Snapshot | undefined> {
  const [row] = await db.query<SnapshotRow>(
    `SELECT period, published_at, schema_version, content
       FROM scorecard_snapshots WHERE organisation_id = $1 AND period = $2`,
    [organisationId, period],
  )
  return row && snapshotFrom(row)
}

/** The snapshot of the latest period published, whenever it was published. */
export async function findLatestSnapshot(
  db: Queryable,
  organisationId: string,
): Promise<Snapshot | undefined> {
  const [row] = await db.query<SnapshotRow>(
    `SELECT period, published_at, schema_version, content
       FROM scorecard_snapshots WHERE organisation_id = $1 ORDER BY ${newestFirst} LIMIT 1`,
    [organisationId],
  )
  return row && snapshotFrom(row)
}

/** Every snapshot an organisation has published, oldest period first. */
export async function listSnapshotContents(db: Queryable, organisationId: string): Promise<Snapshot[]> {
  const rows = await db.query<SnapshotRow>(
    `SELECT period, published_at, schema_version, content
       FROM scorecard_snapshots WHERE organisation_id = $1 ORDER BY period_end, published_at`,
    [organisationId],
  )
  return rows.map(snapshotFrom)
}

/**
 * Publishes a snapshot; false when that period is already published (a second click, or another
 * admin first), in which case the one already public stands.
 */
export async function insertSnapshot(
  db: Queryable,
  snapshot: {
    organisationId: string
    period: string
    publishedBy: string
    schemaVersion: SnapshotVersion
    content: SnapshotVersion2
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO scorecard_snapshots (organisation_id, id, period, published_by, schema_version, content)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id, period) DO NOTHING RETURNING id`,
    [
      snapshot.organisationId,
      randomUUID(),
      snapshot.period,
      snapshot.publishedBy,
      snapshot.schemaVersion,
      JSON.stringify(snapshot.content),
    ],
  )
  return rows.length > 0
}

/**
 * Every figure already published, by `${indicatorId}/${period}`, as first published: a later
 * snapshot shows an earlier period exactly as it was, so late responses cannot be worked out as the
 * difference between two public figures.
 */
export async function listPublishedFacts(
  db: Queryable,
  organisationId: string,
): Promise<Map<string, ShownFact>> {
  const rows = await db.query<{ indicator_id: string; fact: ShownFact }>(
    `SELECT row_data -> 'indicator' ->> 'id' AS indicator_id, fact
       FROM scorecard_snapshots s
      CROSS JOIN LATERAL jsonb_array_elements(s.content -> 'groups') AS grp
      CROSS JOIN LATERAL jsonb_array_elements(grp -> 'rows') AS row_data
      CROSS JOIN LATERAL jsonb_array_elements(row_data -> 'history') AS fact
      WHERE s.organisation_id = $1
      ORDER BY s.published_at, s.period`,
    [organisationId],
  )
  const published = new Map<string, ShownFact>()
  for (const row of rows) {
    const key = `${row.indicator_id}/${row.fact.period}`
    const isFigure = row.fact.suppressed || row.fact.value !== null
    if (isFigure && !published.has(key)) published.set(key, row.fact)
  }
  return published
}
