import type { JobDependencies } from '../../jobs/jobHandlers'
import { insertAlertEmails, listAdminIds } from './alertQueries'
import { listOverdueAlerts, listStrandedAlerts, markEscalated } from './escalationQueries'

// Enough for any real backlog in one minute's sweep; the next sweep takes the rest.
const perSweep = 500
// The queue retries a failed send within seconds; only emails older than this are its backstop's.
const strandedAfterMinutes = 5

/**
 * The 'safeguarding-sweep' job, every minute. An alert nobody acknowledged within the organisation's
 * time is sent to every admin too, once (escalated_at guards it, so two sweeps at once escalate
 * once). Then emails that the queue stopped retrying are put back on it, so an alert email is tried
 * until it goes.
 */
export async function sweepAlerts(deps: JobDependencies): Promise<void> {
  const now = deps.clock()
  for (const key of await listOverdueAlerts(deps.db, now, perSweep)) {
    await deps.db.transaction(async (tx) => {
      if (!(await markEscalated(tx, key, now))) return
      await insertAlertEmails(tx, key, await listAdminIds(tx, key.organisationId), {
        reason: 'escalation',
        createdAt: now,
      })
      await deps.jobs.enqueue(tx, 'safeguarding-email', key)
    })
  }
  const before = new Date(now.getTime() - strandedAfterMinutes * 60_000)
  const stranded = await listStrandedAlerts(deps.db, before, now, perSweep)
  if (stranded.length > 0)
    deps.logger.warn({ alerts: stranded.length }, 'safeguarding emails put back on the queue')
  for (const key of stranded)
    await deps.db.transaction((tx) => deps.jobs.enqueue(tx, 'safeguarding-email', key))
}
