import { setTimeout as sleep } from 'node:timers/promises'
import { defaultLanguage, isLanguageCode, type LanguageCode } from '../i18n/languages'
import { formatDate } from '../i18n/formatDate'
import { createTranslator } from '../i18n/translator'
import type { JobDependencies } from '../jobs/jobHandlers'
import { paths } from '../paths'
import { invitationEmail } from './invitationEmail'
import { hashLinkToken, newLinkToken } from './linkToken'
import {
  cancelUnwantedEmails,
  claimDueEmails,
  failEmail,
  findNextDue,
  findSurveyForEmail,
  markEmailSent,
  releaseEmail,
  type ClaimedEmail,
  type SurveyForEmail,
} from './outboxQueries'
import { queueDueReminders } from './sendQueries'
import { isPermanentRefusal, refusalCode } from './sendFailures'

/** Longer than any send takes, so two workers never send one row; a dead worker's rows wait this long. */
export const holdMinutes = 10
/** Emails claimed at once, and sent side by side (the SMTP pool holds five connections). */
const batchSize = 50
const inParallel = 10
/** Tries before an email is marked failed; waits between them grow from a minute to an hour. */
const maxAttempts = 5
const retryMinutes = [1, 5, 15, 60]
/** A run stops after this long and hands on to a new job, so no job outlives the queue's expiry. */
const runBudgetMs = 50_000
/** A run waits for emails due this soon; later ones are left to a job started for them. */
const waitAtMostMs = 2_000

let translator: ReturnType<typeof createTranslator> | undefined

type Claimed = ClaimedEmail & { tokenHash: string; token: string }

async function sendOne(deps: JobDependencies, email: Claimed, survey: SurveyForEmail | undefined) {
  const language: LanguageCode = isLanguageCode(email.language) ? email.language : defaultLanguage
  const t = (await (translator ??= createTranslator()))(language)
  const { baseUrl } = deps.config
  const title = survey?.words[language]?.title ?? survey?.words.en?.title
  if (!survey || !title) {
    await failEmail(deps.db, email, 'survey-gone')
    return
  }
  const message = invitationEmail({
    to: email.email,
    name: email.name,
    kind: email.kind,
    surveyTitle: title,
    organisationName: survey.organisationName,
    closesOn: survey.closesAt ? formatDate(new Date(survey.closesAt.getTime() - 1), language) : undefined,
    link: `${baseUrl}${paths.invitations.link(email.token)}?lang=${language}`,
    unsubscribeLink: `${baseUrl}${paths.invitations.unsubscribe(email.token)}?lang=${language}`,
    reference: `${email.invitationId}.${email.kind}`,
    t,
  })
  try {
    await deps.mailer.send(message)
  } catch (error: unknown) {
    // No address and no link in the log: the kind, the attempt and the mail service's code are enough.
    deps.logger.warn(
      { kind: email.kind, attempts: email.attempts, code: refusalCode(error) },
      'invitation email not sent',
    )
    if (isPermanentRefusal(error)) await failEmail(deps.db, email, 'refused')
    else if (email.attempts >= maxAttempts) await failEmail(deps.db, email, 'unreachable')
    else {
      const minutes = retryMinutes[email.attempts - 1] ?? 60
      await releaseEmail(deps.db, email, {
        at: new Date(deps.clock().getTime() + minutes * 60_000),
        failure: 'unreachable',
      })
    }
    return
  }
  await markEmailSent(deps.db, email, deps.clock())
}

async function sendBatch(deps: JobDependencies, claimed: Claimed[]) {
  const surveys = new Map<string, Promise<SurveyForEmail | undefined>>()
  const surveyOf = (email: Claimed) => {
    const key = `${email.organisationId}/${email.surveyId}`
    let found = surveys.get(key)
    if (!found) {
      found = findSurveyForEmail(deps.db, email)
      surveys.set(key, found)
    }
    return found
  }
  let next = 0
  const lane = async () => {
    for (let email = claimed[next++]; email; email = claimed[next++])
      await sendOne(deps, email, await surveyOf(email))
  }
  await Promise.all(Array.from({ length: Math.min(inParallel, claimed.length) }, lane))
}

async function claim(deps: JobDependencies): Promise<Claimed[]> {
  const now = deps.clock()
  await cancelUnwantedEmails(deps.db, now)
  const tokens = new Map<string, string>()
  const claimed = await claimDueEmails(deps.db, {
    now,
    holdUntil: new Date(now.getTime() + holdMinutes * 60_000),
    limit: batchSize,
    newTokenHash: () => {
      const token = newLinkToken()
      const hash = hashLinkToken(token)
      tokens.set(hash, token)
      return hash
    },
  })
  return claimed.map((email) => ({ ...email, token: tokens.get(email.tokenHash) ?? '' }))
}

/**
 * The 'invitation-emails' job: queues the reminders now due, then sends every due email, in the order
 * of their slots in the sending timetable (which holds the rate), until none is due soon. Safe to run
 * twice or on several workers at once: each email is claimed before it is sent and marked sent as soon
 * as the mail service took it, by the worker holding the claim. Its link token is made at the claim,
 * so it lives only in this run and the email; a retry makes a new one.
 */
export async function sendInvitationEmails(deps: JobDependencies): Promise<void> {
  const started = Date.now()
  const { perMinute } = deps.config.invitations
  await deps.db.transaction((tx) => queueDueReminders(tx, { now: deps.clock(), perMinute }))
  while (Date.now() - started < runBudgetMs) {
    const claimed = await claim(deps)
    if (claimed.length > 0) {
      await sendBatch(deps, claimed)
      continue
    }
    const next = await findNextDue(deps.db)
    if (!next) return
    const waitMs = next.getTime() - deps.clock().getTime()
    if (waitMs > waitAtMostMs) {
      // Within a minute: a job for then. Later (a reminder, a retry): the timetable's run each minute.
      // The queue keeps real time; the clock may be a test's.
      if (waitMs < 60_000)
        await deps.jobs.enqueue(
          deps.db,
          'invitation-emails',
          {},
          { startAfter: new Date(Date.now() + waitMs) },
        )
      return
    }
    await sleep(Math.max(waitMs, 5))
  }
  await deps.jobs.enqueue(deps.db, 'invitation-emails', {})
}
