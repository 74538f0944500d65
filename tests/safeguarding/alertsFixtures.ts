import type { Clock } from '../../server/clock'
import type { Database } from '../../server/db/database'
import type { JobSender } from '../../server/jobs/jobQueue'
import { jobQueueSchema } from '../../server/jobs/jobQueueQueries'
import type { Role } from '../../server/officers/roles'
import { raiseAlert, type NewAlert } from '../../server/safeguarding/alerts/raiseAlert'
import { signedInAs, type Agent } from '../helpers/officers'
import type { ReceivedMail } from '../helpers/smtpServer'
import { useSurveyApp, type SurveyApp } from '../helpers/surveyApp'
import { buildTestApp, type TestApp } from '../helpers/testApp'

/** The real app on the database, sending its mail to the SMTP server at smtpUrl. */
export async function appSendingTo(
  db: Database,
  smtpUrl: string,
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const defaults = await buildTestApp(db)
  return buildTestApp(db, { mail: { ...defaults.config.mail, smtpUrl } }, options)
}

export interface AlertsApp<R extends Role> extends SurveyApp {
  /** A signed-in officer of each role asked for. */
  agents: Record<R, Agent>
}

/**
 * For a test file: useSurveyApp's database, app and organisation (with these template surveys open),
 * and a signed-in officer of each role asked for. Filled in by beforeAll and dropped by afterAll.
 */
export function useAlertsApp<R extends Role>(roles: R[], templates: string[] = []): AlertsApp<R> {
  const fixture = useSurveyApp(templates) as AlertsApp<R>
  beforeAll(async () => {
    fixture.agents = {} as Record<R, Agent>
    for (const role of roles)
      fixture.agents[role] = await signedInAs(fixture.testApp.app, fixture.database.db, {
        organisationId: fixture.organisation.id,
        role,
      })
  })
  return fixture
}

/** Words a young person might write, none of which may ever appear in an email or the audit log. */
export const childsWords = {
  name: 'Zebedee Quillfeather',
  phone: '07700 900123',
  email: 'zebedee.q@example.org',
  school: 'Larkspur Lane Academy',
  message: 'My stepdad hurts me when mum is at work',
  freeText: 'I am not safe at home and I hurt myself',
}

export const helpRequest = (organisationId: string, extra: Partial<NewAlert> = {}): NewAlert => ({
  organisationId,
  kind: 'help-request',
  surveyId: null,
  language: 'en',
  reasons: [],
  helpRequest: {
    name: childsWords.name,
    contactMethod: 'phone',
    contactDetail: childsWords.phone,
    school: childsWords.school,
    message: childsWords.message,
    answersMayBeSeen: false,
  },
  ...extra,
})

export const freeTextAlert = (organisationId: string, extra: Partial<NewAlert> = {}): NewAlert => ({
  organisationId,
  kind: 'free-text',
  surveyId: null,
  language: 'en',
  reasons: [
    { questionId: 'anything-else', text: childsWords.freeText, phrases: ['not safe', 'hurt myself'] },
  ],
  ...extra,
})

/** Raises an alert as a submission does: in a transaction of its own, at the time given. */
export function raise(db: Database, jobs: JobSender, alert: NewAlert, now = new Date()): Promise<string> {
  return db.transaction((tx) => raiseAlert(tx, jobs, alert, now))
}

/** Asks again every 50 ms until the answer is there, for at most about 30 seconds. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let tries = 0; tries < 600; tries += 1) {
    const found = await check()
    if (found !== undefined) return found
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('Still waiting after 30 seconds')
}

/** The alert handle in an alert email's sign-in link. */
export const handleIn = (mail: ReceivedMail): string | undefined =>
  /\/manage\/alerts\/([a-z0-9]+)/.exec(mail.text)?.[1]

/** How many emails each person got about each alert: "to handle" → count. */
export function mailCounts(received: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const mail of received) {
    const key = `${mail.to} ${handleIn(mail) ?? '?'} ${mail.subject}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export async function emailRows(db: Database, alertHandle: string) {
  return db.query<{ officer_id: string; reason: string; sent_at: Date | null; attempts: number }>(
    `SELECT e.officer_id, e.reason, e.sent_at, e.attempts FROM safeguarding_alert_emails e
       JOIN safeguarding_alerts a ON a.organisation_id = e.organisation_id AND a.id = e.alert_id
      WHERE a.handle = $1 ORDER BY e.reason, e.officer_id`,
    [alertHandle],
  )
}

/** Alert email jobs waiting, retrying or running: none once every email job has finished. */
export async function unfinishedEmailJobs(db: Database): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${jobQueueSchema}.job
      WHERE name = 'safeguarding-email' AND state < 'completed'`,
  )
  return rows[0]?.count ?? 0
}

export const allJobsFinished = async (db: Database) =>
  (await unfinishedEmailJobs(db)) === 0 ? true : undefined
