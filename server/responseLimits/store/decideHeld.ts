import { recordAudit } from '../../audit/recordAudit'
import type { Database } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import { requestScorecardRunIn } from '../../scorecards/store/scorecardRuns'
import { holdReasons, type HoldReason } from '../model/holdRules'
import { discardHeld, includeHeld, type HeldChoice } from './heldQueries'

interface Officer {
  id: string
  email: string
  organisationId: string
}

/** How many a decision moved, in all and for each reason (a response held for two reasons is in both). */
export type DecisionCounts = { count: number } & Record<HoldReason, number>

function countsOf(moved: HoldReason[][]): DecisionCounts {
  const counts = { count: moved.length } as DecisionCounts
  for (const reason of holdReasons)
    counts[reason] = moved.filter((reasons) => reasons.includes(reason)).length
  return counts
}

/**
 * Includes (into the counts) or discards the chosen held responses, and audits the decision with its
 * counts and reasons in the same transaction. After including, the organisation's indicator facts are
 * recomputed at once, so the scorecards agree with the results page without anyone having to press
 * "Recalculate figures"; published snapshots are never rewritten. Discarding changes no count.
 */
export async function decideHeld(
  db: Database,
  jobs: JobSender,
  input: {
    officer: Officer
    survey: { surveyId: string; slug: string }
    decision: 'include' | 'discard'
    choice: HeldChoice
  },
): Promise<DecisionCounts> {
  const { officer, survey, decision } = input
  const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
  const counts = await db.transaction(async (tx) => {
    const moved =
      decision === 'include'
        ? await includeHeld(tx, key, input.choice)
        : await discardHeld(tx, key, input.choice)
    const result = countsOf(moved)
    if (result.count > 0)
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: decision === 'include' ? 'held-responses-included' : 'held-responses-discarded',
        subject: survey.slug,
        details: { ...result },
      })
    // Included responses count from now on: the figures are worked out again in the background.
    if (decision === 'include' && result.count > 0)
      await requestScorecardRunIn(tx, jobs, {
        organisation: { id: officer.organisationId },
        kind: 'recompute',
        officer,
      })
    return result
  })
  return counts
}
