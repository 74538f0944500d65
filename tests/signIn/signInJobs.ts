import type { Queryable } from '../../server/db/database'

/** Waits until the queue holds no sign-in or invitation email job still to run (at most 20 s). */
export async function waitForEmailJobs(db: Queryable): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    const [left] = await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM pgboss.job
        WHERE name IN ('sign-in-email', 'officer-invitation-email') AND state IN ('created', 'retry', 'active')`,
    )
    if (left?.count === 0) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('Email jobs were still waiting after 20 seconds')
}
