import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'

export type RunKind = 'recompute' | 'publish'
export type RunState = 'queued' | 'running' | 'done' | 'failed'

export interface ScorecardRun {
  id: string
  organisationId: string
  kind: RunKind
  /** The period a publish is for; null for a recompute. */
  period: string | null
  requestedBy: { id: string; email: string }
  state: RunState
  stepsDone: number
  stepsTotal: number
  failure: string | null
  createdAt: Date
  finishedAt: Date | null
}

interface RunRow {
  id: string
  organisation_id: string
  kind: RunKind
  period: string | null
  requested_by: string
  requested_by_officer: string
  state: RunState
  steps_done: number
  steps_total: number
  failure: string | null
  created_at: Date
  finished_at: Date | null
}

const columns = `id, organisation_id, kind, period, requested_by, requested_by_officer, state, steps_done, steps_total, failure,
  created_at, finished_at`

const runFrom = (row: RunRow): ScorecardRun => ({
  id: row.id,
  organisationId: row.organisation_id,
  kind: row.kind,
  period: row.period,
  requestedBy: { id: row.requested_by_officer, email: row.requested_by },
  state: row.state,
  stepsDone: row.steps_done,
  stepsTotal: row.steps_total,
  failure: row.failure,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
})

/**
 * A new run, or the one already queued or running for the organisation (one at a time: a second
 * press of Publish, by anyone, joins the first). `created` says which.
 */
export async function insertRun(
  db: Queryable,
  run: {
    organisationId: string
    kind: RunKind
    period: string | null
    requestedBy: { id: string; email: string }
  },
): Promise<{ run: ScorecardRun; created: boolean }> {
  const [inserted] = await db.query<RunRow>(
    `INSERT INTO scorecard_runs (organisation_id, id, kind, period, requested_by, requested_by_officer)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organisation_id) WHERE state IN ('queued', 'running') DO NOTHING RETURNING ${columns}`,
    [run.organisationId, randomUUID(), run.kind, run.period, run.requestedBy.email, run.requestedBy.id],
  )
  if (inserted) return { run: runFrom(inserted), created: true }
  const [active] = await db.query<RunRow>(
    `SELECT ${columns} FROM scorecard_runs WHERE organisation_id = $1 AND state IN ('queued', 'running')`,
    [run.organisationId],
  )
  if (!active) throw new Error('A scorecard run was both active and not')
  return { run: runFrom(active), created: false }
}

export async function findRun(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<ScorecardRun | undefined> {
  const [row] = await db.query<RunRow>(
    `SELECT ${columns} FROM scorecard_runs WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id],
  )
  return row && runFrom(row)
}

/**
 * Takes a queued run, or one left running by a process that stopped (no step for `staleAfterMs`),
 * so that only one worker works it; undefined when it is taken, finished or unknown.
 */
export async function claimRun(
  db: Queryable,
  organisationId: string,
  id: string,
  staleBefore: Date,
): Promise<ScorecardRun | undefined> {
  const [row] = await db.query<RunRow>(
    `UPDATE scorecard_runs SET state = 'running', steps_done = 0, heartbeat_at = now()
      WHERE organisation_id = $1 AND id = $2
        AND (state = 'queued' OR (state = 'running' AND heartbeat_at < $3))
      RETURNING ${columns}`,
    [organisationId, id, staleBefore],
  )
  return row && runFrom(row)
}

export async function recordRunStep(
  db: Queryable,
  run: { organisationId: string; id: string },
  step: { done: number; total: number },
): Promise<void> {
  await db.query(
    `UPDATE scorecard_runs SET steps_done = $3, steps_total = $4, heartbeat_at = now()
      WHERE organisation_id = $1 AND id = $2 AND state = 'running'`,
    [run.organisationId, run.id, step.done, step.total],
  )
}

export async function finishRun(
  db: Queryable,
  run: { organisationId: string; id: string },
  outcome: { state: 'done' } | { state: 'failed'; failure: string },
): Promise<void> {
  await db.query(
    `UPDATE scorecard_runs SET state = $3, failure = $4, finished_at = now()
      WHERE organisation_id = $1 AND id = $2 AND state = 'running'`,
    [run.organisationId, run.id, outcome.state, outcome.state === 'failed' ? outcome.failure : null],
  )
}

/** The newest run of an organisation, finished or not, for the officers' pages. */
export async function latestRun(db: Queryable, organisationId: string): Promise<ScorecardRun | undefined> {
  const [row] = await db.query<RunRow>(
    `SELECT ${columns} FROM scorecard_runs WHERE organisation_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
    [organisationId],
  )
  return row && runFrom(row)
}

/** Whose run it is, as the scorecard needs it: name, address and small-number threshold. */
export async function findRunOrganisation(
  db: Queryable,
  organisationId: string,
): Promise<{ id: string; name: string; slug: string; smallNumberThreshold: number } | undefined> {
  const [row] = await db.query<{ id: string; name: string; slug: string; small_number_threshold: number }>(
    'SELECT id, name, slug, small_number_threshold FROM organisations WHERE id = $1',
    [organisationId],
  )
  return (
    row && { id: row.id, name: row.name, slug: row.slug, smallNumberThreshold: row.small_number_threshold }
  )
}

/** Runs waiting to be taken, oldest first: what a worker that was down has to catch up on. */
export async function listQueuedRuns(db: Queryable): Promise<{ organisationId: string; id: string }[]> {
  const rows = await db.query<{ organisation_id: string; id: string }>(
    `SELECT organisation_id, id FROM scorecard_runs WHERE state = 'queued' ORDER BY created_at, id`,
  )
  return rows.map((row) => ({ organisationId: row.organisation_id, id: row.id }))
}
