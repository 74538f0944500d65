import type { Database, Queryable } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import type { Logger } from '../../logger'
import { publishedPeriod } from '../model/scorecardPeriods'
import type { ScorecardOrganisation } from './loadScorecard'
import { publishScorecard } from './publishing'
import { recomputeFacts } from './recomputeFacts'
import {
  claimRun,
  findRunOrganisation,
  finishRun,
  insertRun,
  recordRunStep,
  type RunKind,
  type ScorecardRun,
} from './runQueries'

/** A run with no step for this long was stopped with its process, and may be taken over. */
export const staleRunMs = 10 * 60 * 1000

export interface RunRequest {
  organisation: Pick<ScorecardOrganisation, 'id'>
  kind: RunKind
  /** The period to publish ("2026-Q3", "2026-H1", "2026"); only for a publish. */
  period?: string
  officer: { id: string; email: string }
}

/**
 * Asks for the figures to be worked out, or a period published, in the background: the run's row
 * and its job are written in one transaction, so a run exists exactly when its job does. While one
 * run is queued or running for the organisation, asking again joins it.
 */
export function requestScorecardRun(
  db: Database,
  jobs: JobSender,
  request: RunRequest,
): Promise<{ run: ScorecardRun; created: boolean }> {
  return db.transaction((tx) => requestScorecardRunIn(tx, jobs, request))
}

/** The same, inside a transaction of the caller's: the change that makes the figures stale, say. */
export async function requestScorecardRunIn(
  tx: Queryable,
  jobs: JobSender,
  request: RunRequest,
): Promise<{ run: ScorecardRun; created: boolean }> {
  const asked = await insertRun(tx, {
    organisationId: request.organisation.id,
    kind: request.kind,
    period: request.kind === 'publish' ? (request.period ?? null) : null,
    requestedBy: request.officer,
  })
  if (asked.created)
    await jobs.enqueue(tx, 'scorecard-run', { organisationId: request.organisation.id, runId: asked.run.id })
  return asked
}

export interface RunDependencies {
  db: Database
  logger: Logger
  /** Called after a publication, so cached public pages of the organisation are read again. */
  onPublished?: (organisationSlug: string) => void
  now?: () => Date
}

/**
 * Works one run: counts every survey's responses again (a step each, recorded so the officer's
 * page shows progress), then for a publish freezes the period's scorecard. A failure leaves the
 * facts and snapshots as they were (each is written in one transaction) and the run failed, with
 * the reason in the log under the run's id. Safe to call twice: only one caller takes the run.
 */
export async function workScorecardRun(
  deps: RunDependencies,
  which: { organisationId: string; runId: string },
): Promise<void> {
  const { db, logger } = deps
  const now = deps.now?.() ?? new Date()
  const organisation = await findRunOrganisation(db, which.organisationId)
  const run =
    organisation && (await claimRun(db, organisation.id, which.runId, new Date(now.getTime() - staleRunMs)))
  if (!organisation || !run) return
  const key = { organisationId: organisation.id, id: run.id }
  try {
    const onStep = (done: number, total: number) => recordRunStep(db, key, { done, total })
    if (run.kind === 'publish') {
      // Read at any publishing frequency: the organisation may have changed it since asking.
      const asAt = publishedPeriod(run.period ?? '')
      if (!asAt) throw new Error(`Not a period to publish: ${String(run.period)}`)
      await publishScorecard(db, { organisation, asAt, officer: run.requestedBy, onStep })
      deps.onPublished?.(organisation.slug)
    } else {
      await recomputeFacts(db, organisation.id, { onStep })
    }
    await finishRun(db, key, { state: 'done' })
  } catch (error: unknown) {
    logger.error({ err: error, runId: run.id, kind: run.kind }, 'scorecard run failed')
    await finishRun(db, key, { state: 'failed', failure: run.kind === 'publish' ? 'publish' : 'recompute' })
  }
}

/** The scorecard-run job: its data says which run of which organisation. */
export function scorecardRunJob(deps: RunDependencies) {
  return (data: Record<string, string | number | boolean | null>) =>
    workScorecardRun(deps, { organisationId: String(data.organisationId), runId: String(data.runId) })
}
