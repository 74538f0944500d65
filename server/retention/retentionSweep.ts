import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import {
  deleteClosedAlertBatch,
  deleteExpiredDraftBatch,
  deleteHeldResponseBatch,
  deleteOldActivityBatch,
  deleteResponseBatch,
  listOrganisationsForRetention,
  listSurveysDueForDeletion,
  markResponsesDeleted,
  type RetentionOrganisation,
} from './queries'

/** Rows per statement: small enough that no one transaction holds a million rows' locks and undo. */
export const retentionBatchSize = 5000

/** Limit counts are only looked at over the last window; a day later they are of no use. */
const activityKeptMs = 24 * 60 * 60 * 1000

/** What went for one organisation, by kind; responses by survey slug. */
export interface Deleted {
  surveys: { slug: string; responses: number; heldResponses: number; answerTags: number }[]
  drafts: number
  alerts: number
  helpRequests: number
  responseActivity: number
}

/** Counts for the audit log, flat: `responses.<slug>` and so on, and only what is not zero. */
function auditCounts(deleted: Deleted): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const survey of deleted.surveys)
    for (const kind of ['responses', 'heldResponses', 'answerTags'] as const)
      counts[`${kind}.${survey.slug}`] = survey[kind]
  for (const kind of ['drafts', 'alerts', 'helpRequests', 'responseActivity'] as const)
    counts[kind] = deleted[kind]
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0))
}

/** Runs a batch deletion until a batch comes back short, adding up what went. */
async function inBatches(batch: (limit: number) => Promise<number>, limit: number): Promise<number> {
  let total = 0
  for (;;) {
    const deleted = await batch(limit)
    total += deleted
    if (deleted < limit) return total
  }
}

async function deleteSurveyResponses(
  db: Database,
  survey: { organisationId: string; surveyId: string },
  options: { now: Date; limit: number },
) {
  await markResponsesDeleted(db, survey, options.now)
  let answerTags = 0
  const responses = await inBatches(async (limit) => {
    const batch = await db.transaction((tx) => deleteResponseBatch(tx, survey, limit))
    answerTags += batch.answerTags
    return batch.responses
  }, options.limit)
  const held = await inBatches((limit) => deleteHeldResponseBatch(db, survey, limit), options.limit)
  return { responses, heldResponses: held, answerTags }
}

/**
 * Deletes what one organisation no longer needs, as of `now`, and audits the counts (never any
 * content) when anything went. Each batch is its own statement, so a crash leaves only whole batches
 * done, and running again finishes the rest.
 */
export async function sweepOrganisation(
  db: Database,
  organisation: RetentionOrganisation,
  options: { now: Date; limit?: number },
): Promise<Deleted> {
  const { now } = options
  const limit = options.limit ?? retentionBatchSize
  const organisationId = organisation.id
  const surveys: Deleted['surveys'] = []
  for (const survey of await listSurveysDueForDeletion(db, organisationId, now)) {
    const counts = await deleteSurveyResponses(db, { organisationId, surveyId: survey.id }, { now, limit })
    surveys.push({ slug: survey.slug, ...counts })
  }
  const drafts = await inBatches(
    (size) => deleteExpiredDraftBatch(db, organisationId, { now, limit: size }),
    limit,
  )
  let helpRequests = 0
  const alerts = await inBatches(async (size) => {
    const batch = await deleteClosedAlertBatch(db, organisationId, {
      now,
      months: organisation.safeguardingRetentionMonths,
      limit: size,
    })
    helpRequests += batch.helpRequests
    return batch.alerts
  }, limit)
  const before = new Date(now.getTime() - activityKeptMs)
  const responseActivity = await inBatches(
    (size) => deleteOldActivityBatch(db, organisationId, { before, limit: size }),
    limit,
  )
  const deleted = { surveys, drafts, alerts, helpRequests, responseActivity }
  const counts = auditCounts(deleted)
  if (Object.keys(counts).length > 0)
    await recordAudit(db, {
      organisationId,
      officer: undefined,
      actor: 'retention',
      action: 'retention-deleted',
      details: { ...counts, factsKept: true, publishedScorecardsKept: true },
    })
  return deleted
}

/** The nightly sweep over every organisation, one at a time. Running it twice deletes nothing more. */
export async function sweepRetention(
  db: Database,
  options: { now: Date; limit?: number },
): Promise<{ organisations: number; totals: Record<string, number> }> {
  const organisations = await listOrganisationsForRetention(db)
  const totals: Record<string, number> = {}
  const add = (kind: string, count: number) => (totals[kind] = (totals[kind] ?? 0) + count)
  for (const organisation of organisations) {
    const deleted = await sweepOrganisation(db, organisation, options)
    for (const survey of deleted.surveys) {
      add('responses', survey.responses)
      add('heldResponses', survey.heldResponses)
      add('answerTags', survey.answerTags)
    }
    for (const kind of ['drafts', 'alerts', 'helpRequests', 'responseActivity'] as const)
      add(kind, deleted[kind])
  }
  return { organisations: organisations.length, totals }
}
