import type { Database } from '../../db/database'
import { recordAudit } from '../../audit/recordAudit'
import { loadScorecard, type ScorecardOrganisation } from './loadScorecard'
import { recomputeFacts } from './recomputeFacts'
import { insertSnapshot } from './snapshotQueries'
import { currentSnapshotVersion, toPublishedSnapshot } from '../model/publishedSnapshot'
import type { Period } from '../model/types'

/** Recomputes the facts, then freezes the period's scorecard; false if it was already published. */
export async function publishScorecard(
  db: Database,
  options: {
    organisation: ScorecardOrganisation
    /** A period of the organisation's publishing frequency when it was asked for. */
    asAt: Period
    officer: { id: string; email: string }
    /** Told after each step of the work, for a page showing progress. */
    onStep?: (done: number, total: number) => Promise<void>
  },
): Promise<boolean> {
  const { organisation, asAt, officer } = options
  await recomputeFacts(db, organisation.id, { onStep: options.onStep, extraSteps: 1 })
  const content = toPublishedSnapshot(await loadScorecard(db, organisation, asAt))
  return db.transaction(async (tx) => {
    const created = await insertSnapshot(tx, {
      organisationId: organisation.id,
      period: asAt.key,
      publishedBy: officer.email,
      schemaVersion: currentSnapshotVersion,
      content,
    })
    if (created)
      await recordAudit(tx, {
        organisationId: organisation.id,
        officer,
        action: 'scorecard-published',
        subject: asAt.key,
        change: { before: { published: false }, after: { published: true } },
      })
    return created
  })
}
