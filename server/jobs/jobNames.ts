/**
 * Every kind of background job, and how its queue retries. A job's handler must be safe to run more
 * than once: the queue delivers at least once, so "never twice" lives in each job's own rows.
 */
export const jobPolicies = {
  /** Emails one safeguarding alert to the people not yet told; retried with backoff until it goes. */
  'safeguarding-email': { retryLimit: 60, retryDelay: 1, retryBackoff: true },
  /** Every minute: alerts past their organisation's time unacknowledged go to the admins too. */
  'safeguarding-sweep': { retryLimit: 3, retryDelay: 10, retryBackoff: false },
  /** Every night: responses, drafts, help requests and alerts past their retention are deleted. */
  'retention-sweep': { retryLimit: 5, retryDelay: 60, retryBackoff: true },
} as const

export type JobName = keyof typeof jobPolicies
export const jobNames = Object.keys(jobPolicies) as JobName[]

/** Jobs the queue starts on a timetable (cron, London time). */
export const jobTimetable: readonly { name: JobName; cron: string }[] = [
  { name: 'safeguarding-sweep', cron: '* * * * *' },
  { name: 'retention-sweep', cron: '30 2 * * *' },
]
