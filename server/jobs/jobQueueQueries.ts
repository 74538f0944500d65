import PgBoss from 'pg-boss'
import type { Database } from '../db/database'
import { jobNames, jobPolicies } from './jobNames'

/** The job queue keeps its tables in a schema of its own, beside ours. */
export const jobQueueSchema = 'pgboss'

/**
 * Creates the job queue's tables on a new database and its queues. Part of migrating, so tests start
 * from a snapshot that already has them and a server never races another to make them.
 */
export async function installJobQueue(db: Database): Promise<void> {
  const [installed] = await db.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `${jobQueueSchema}.version`,
  ])
  if (!installed?.present) {
    // Two servers starting together on one PostgreSQL may both try; the loser finds it done.
    await db.execRows(PgBoss.getConstructionPlans(jobQueueSchema)).catch(async (error: unknown) => {
      const [done] = await db.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
        `${jobQueueSchema}.version`,
      ])
      if (!done?.present) throw error
    })
  }
  const existing = await db.query<{ name: string }>(`SELECT name FROM ${jobQueueSchema}.queue`)
  for (const name of jobNames) {
    if (existing.some((queue) => queue.name === name)) continue
    const { retryLimit, retryDelay, retryBackoff } = jobPolicies[name]
    await db
      .query(`SELECT ${jobQueueSchema}.create_queue($1, $2)`, [
        name,
        JSON.stringify({ policy: 'standard', retryLimit, retryDelay, retryBackoff }),
      ])
      .catch(async (error: unknown) => {
        const made = await db.query(`SELECT 1 FROM ${jobQueueSchema}.queue WHERE name = $1`, [name])
        if (made.length === 0) throw error
      })
  }
}
