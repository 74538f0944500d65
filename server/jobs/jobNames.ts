/**
 * Every kind of background job, and how its queue retries. A job's handler must be safe to run more
 * than once: the queue delivers at least once, so "never twice" lives in each job's own rows.
 * batchSize: how many of its jobs one worker takes at each poll and works at once; localConcurrency:
 * how many such workers each process runs.
 */
export const jobPolicies = {
  /**
   * Emails one safeguarding alert to the people not yet told; retried with backoff until it goes.
   * Four workers of five jobs each: at one job a poll, a burst of alerts would wait minutes, and one
   * big batch waits on its slowest mail server conversation before taking more.
   */
  'safeguarding-email': {
    retryLimit: 60,
    retryDelay: 1,
    retryBackoff: true,
    batchSize: 5,
    localConcurrency: 4,
  },
  /**
   * Emails a sign-in link to the officer who asked (or drops a job made for an address that is no
   * officer's). Links expire in 15 minutes, so a few quick retries are worth more than long backoff.
   */
  'sign-in-email': { retryLimit: 5, retryDelay: 5, retryBackoff: true, batchSize: 5, localConcurrency: 2 },
  /** Emails an invited person: a sign-in link, or a note that their address is used elsewhere. */
  'officer-invitation-email': {
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    batchSize: 5,
    localConcurrency: 1,
  },
  /** Emails a respondent the link to carry on their draft; the address is deleted once it has gone. */
  'resume-email': { retryLimit: 10, retryDelay: 10, retryBackoff: true, batchSize: 5, localConcurrency: 1 },
  /**
   * Sends the survey invitations and reminders now due, at INVITATIONS_PER_MINUTE; every minute, and
   * when a list is sent. One run at a time per worker: the rate lives in the emails' slots.
   */
  'invitation-emails': {
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
    batchSize: 1,
    localConcurrency: 1,
  },
  /** Every night: contact lists of surveys closed more than CONTACT_LISTS_KEPT_DAYS ago are deleted. */
  'contact-lists-sweep': {
    retryLimit: 5,
    retryDelay: 60,
    retryBackoff: true,
    batchSize: 1,
    localConcurrency: 1,
  },
  /** Every minute: alerts past their organisation's time unacknowledged go to the admins too. */
  'safeguarding-sweep': {
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: false,
    batchSize: 1,
    localConcurrency: 1,
  },
  /**
   * Works out an organisation's scorecard figures, or publishes a quarter, as an officer asked. A
   * failure is recorded on the run for the officer to see and try again, so the queue does not
   * retry; a run whose process stopped is taken over when the queue delivers the job again.
   */
  'scorecard-run': { retryLimit: 2, retryDelay: 60, retryBackoff: false, batchSize: 1, localConcurrency: 1 },
  /** Every night: responses, drafts, help requests and alerts past their retention are deleted. */
  'retention-sweep': { retryLimit: 5, retryDelay: 60, retryBackoff: true, batchSize: 1, localConcurrency: 1 },
} as const

export type JobName = keyof typeof jobPolicies
export const jobNames = Object.keys(jobPolicies) as JobName[]

/** Jobs the queue starts on a timetable (cron, London time). */
export const jobTimetable: readonly { name: JobName; cron: string }[] = [
  { name: 'safeguarding-sweep', cron: '* * * * *' },
  { name: 'retention-sweep', cron: '30 2 * * *' },
  { name: 'invitation-emails', cron: '* * * * *' },
  { name: 'contact-lists-sweep', cron: '45 2 * * *' },
]
