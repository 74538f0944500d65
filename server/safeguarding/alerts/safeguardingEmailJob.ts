import { createTranslator } from '../../i18n/translator'
import type { JobData } from '../../jobs/jobQueue'
import type { JobDependencies } from '../../jobs/jobHandlers'
import { paths } from '../../paths'
import { claimUnsentEmails, markEmailSent, releaseEmail, type ClaimedEmail } from './alertEmailQueries'
import { safeguardingEmail } from './safeguardingEmail'

// Longer than a send can take (nodemailer gives up on a silent server within minutes), so two workers
// never send the same row; short enough that a worker that died mid-send delays the email little.
const holdMinutes = 10

let translator: ReturnType<typeof createTranslator> | undefined

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown'

/**
 * The 'safeguarding-email' job: sends each unsent email of one alert. Safe to run twice, or on two
 * workers at once: each row is claimed before sending and marked sent as soon as the mail server took
 * it, so a person gets one email per alert and reason; only a crash between those two moments could
 * send one again. A failed send frees its row and fails the job, so the queue retries it with backoff;
 * the sweep enqueues it again should the queue give up.
 */
export async function sendAlertEmails(deps: JobDependencies, data: JobData): Promise<void> {
  const key = { organisationId: String(data.organisationId), alertId: String(data.alertId) }
  const now = deps.clock()
  const claimed = await claimUnsentEmails(deps.db, key, {
    now,
    holdUntil: new Date(now.getTime() + holdMinutes * 60_000),
  })
  if (!claimed) return // all sent, being sent by another worker, or the alert is gone
  const { alert } = claimed
  const t = (await (translator ??= createTranslator()))('en')
  const link = `${deps.config.baseUrl}${paths.manage.alert(alert.handle)}`
  const send = async (email: ClaimedEmail) => {
    try {
      await deps.mailer.send(safeguardingEmail({ to: email.to, reason: email.reason, alert, link, t }))
    } catch (error: unknown) {
      await releaseEmail(deps.db, key, email)
      // No address and no words in the log: the alert and the attempt are enough to follow it.
      deps.logger.warn(
        { alertId: key.alertId, attempts: email.attempts, code: errorCode(error) },
        'safeguarding email not sent; it will be tried again',
      )
      return false
    }
    await markEmailSent(deps.db, key, email, deps.clock())
    return true
  }
  const sent = await Promise.all(claimed.emails.map(send))
  const failed = sent.filter((done) => !done).length
  if (failed > 0) throw new Error(`${String(failed)} safeguarding email(s) not sent yet`)
}
