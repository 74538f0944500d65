import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import type { JobSender } from '../jobs/jobQueue'
import { requestScorecardRunIn } from '../scorecards/store/scorecardRuns'
import { deleteResponsesByReference } from './queries'

/** Recorded with every erasure, so the log explains why a published figure differs from today's. */
export const erasureNote = 'published scorecards are not rewritten; figures recalculated'

/**
 * Erases one response on its respondent's request: the response (counted or held) and its free-text
 * tags go in one transaction with the audit line. Two officers erasing the same reference at once:
 * the row lock of the first DELETE makes the second find nothing, so it is audited once. In the
 * same transaction the organisation's figures are asked to be worked out again in the background,
 * so indicators no longer count it (a run already going is joined; the hourly recount catches
 * anything it counted first); published snapshots never change.
 * A safeguarding alert the response raised is not touched: it holds the words it needs itself.
 */
export async function eraseResponse(
  deps: { db: Database; jobs: JobSender },
  request: { officer: { id: string; email: string; organisationId: string }; reference: string },
): Promise<boolean> {
  const { db } = deps
  const { officer, reference } = request
  const erased = await db.transaction(async (tx) => {
    const deleted = await deleteResponsesByReference(tx, officer.organisationId, reference)
    if (deleted.length === 0) return false
    await recordAudit(tx, {
      organisationId: officer.organisationId,
      officer,
      action: 'response-erased',
      subject: reference,
      details: {
        survey: deleted.map((each) => each.surveySlug).join(', '),
        held: deleted.every((each) => each.held),
        note: erasureNote,
      },
    })
    await requestScorecardRunIn(tx, deps.jobs, {
      organisation: { id: officer.organisationId },
      kind: 'recompute',
      officer,
    })
    return true
  })
  return erased
}
