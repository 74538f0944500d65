import { forgetPublished } from '../../server/scorecards/routes/publicCache'
import { listQueuedRuns } from '../../server/scorecards/store/runQueries'
import { workScorecardRun } from '../../server/scorecards/store/scorecardRuns'
import type { TestApp } from './testApp'

/**
 * Works every queued scorecard run (publishing, recalculating) now, as the scorecard-run job does,
 * so a test need not wait for the queue to poll. tests/scorecards/scorecardRuns.test.ts goes
 * through the queue itself.
 */
export async function workQueuedRuns(testApp: TestApp): Promise<void> {
  const { db, logger } = testApp.jobDependencies
  for (const run of await listQueuedRuns(db))
    await workScorecardRun(
      { db, logger, onPublished: forgetPublished },
      { organisationId: run.organisationId, runId: run.id },
    )
}
