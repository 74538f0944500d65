import type { Clock } from '../clock'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import { sweepRetention } from './retentionSweep'

/** The 'retention-sweep' job: everything past its retention, as of the clock's now. Counts only are logged. */
export async function runRetentionSweep(deps: { db: Database; logger: Logger; clock: Clock }): Promise<void> {
  const result = await sweepRetention(deps.db, { now: deps.clock() })
  deps.logger.info(result, 'retention sweep done')
}
