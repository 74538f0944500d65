import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import type { Mailer } from '../mail/mailer'
import { runRetentionSweep } from '../retention/retentionJob'
import { sendAlertEmails } from '../safeguarding/alerts/safeguardingEmailJob'
import { sweepAlerts } from '../safeguarding/alerts/sweepAlerts'
import { sendInvitationEmail } from '../officers/invitationEmailJob'
import { sendSignInEmail } from '../signIn/signInEmailJob'
import { sendResumeEmail } from '../device/store/resumeEmailJob'
import { sendInvitationEmails } from '../invitations/sendInvitationEmails'
import { sweepContactLists } from '../invitations/sweepContactLists'
import { forgetPublished } from '../scorecards/routes/publicCache'
import { scorecardRunJob } from '../scorecards/store/scorecardRuns'
import type { JobHandlers, JobSender } from './jobQueue'

export interface JobDependencies {
  db: Database
  config: Config
  mailer: Mailer
  logger: Logger
  clock: Clock
  jobs: JobSender
}

/** What each background job does. Each handler is safe to run twice. */
export function createJobHandlers(deps: JobDependencies): JobHandlers {
  const { logger } = deps
  logger.debug('job handlers ready')
  return {
    'safeguarding-email': (data) => sendAlertEmails(deps, data),
    'safeguarding-sweep': () => sweepAlerts(deps),
    'retention-sweep': () => runRetentionSweep(deps),
    'sign-in-email': (data) => sendSignInEmail(deps, data),
    'officer-invitation-email': (data) => sendInvitationEmail(deps, data),
    'invitation-emails': () => sendInvitationEmails(deps),
    'contact-lists-sweep': () => sweepContactLists(deps),
    'resume-email': (data) => sendResumeEmail(deps, data),
    'scorecard-run': scorecardRunJob({ db: deps.db, logger, onPublished: forgetPublished }),
  }
}
