import type { Database } from '../db/database'
import { recordAudit } from '../audit/recordAudit'
import { loadScorecard, type ScorecardOrganisation } from './loadScorecard'
import { recomputeFacts } from './recomputeFacts'
import { insertSnapshot } from './snapshotQueries'
import type { Period, Scorecard } from './types'

/**
 * What a published snapshot holds: the scorecard with suppression applied, and nothing that is not
 * for the public — no survey ids, no who entered what. Officers' commentary and "You said, we did"
 * are written to be published; respondents' own words never reach a scorecard.
 */
function forPublishing(scorecard: Scorecard): Scorecard {
  return {
    ...scorecard,
    groups: scorecard.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) => {
        const { survey, ...indicator } = row.indicator
        return { ...row, indicator: survey ? { ...indicator, survey: { ...survey, id: '' } } : indicator }
      }),
    })),
  }
}

/** Recomputes the facts, then freezes the quarter's scorecard; false if it was already published. */
export async function publishScorecard(
  db: Database,
  options: { organisation: ScorecardOrganisation; quarter: Period; officer: { id: string; email: string } },
): Promise<boolean> {
  const { organisation, quarter, officer } = options
  await recomputeFacts(db, organisation.id)
  const scorecard = forPublishing(await loadScorecard(db, organisation, quarter))
  return db.transaction(async (tx) => {
    const created = await insertSnapshot(tx, {
      organisationId: organisation.id,
      period: quarter.key,
      publishedBy: officer.email,
      content: scorecard,
    })
    if (created)
      await recordAudit(tx, {
        organisationId: organisation.id,
        officer,
        action: 'scorecard-published',
        subject: quarter.key,
        change: { before: { published: false }, after: { published: true } },
      })
    return created
  })
}
