import type { Database } from '../../server/db/database'
import type { Clock } from '../../server/clock'
import type { Config } from '../../server/config'
import { paths } from '../../server/paths'
import type { Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'

/** Waits for check to give something other than undefined (up to 30 s). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (let tries = 0; tries < 600; tries += 1) {
    const found = await check()
    if (found !== undefined) return found
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('Still waiting after 30 seconds')
}

/** A clock that runs with real time from an offset a test can move on (days after sending, say). */
export function movableClock(): { clock: Clock; moveOn(days: number): void } {
  let offsetMs = 0
  return {
    clock: () => new Date(Date.now() + offsetMs),
    moveOn(days) {
      offsetMs += days * 24 * 60 * 60 * 1000
    },
  }
}

/** The app with email going to this SMTP server, or to this fake Notify. */
export async function appWithMail(
  db: Database,
  mail: { smtpUrl: string } | { notify: NonNullable<Config['mail']['notify']> },
  options: { clock?: Clock; invitations?: Config['invitations'] } = {},
): Promise<TestApp> {
  const defaults = (await buildTestApp(db)).config
  return buildTestApp(
    db,
    {
      mail: { ...defaults.mail, ...('smtpUrl' in mail ? mail : { notify: mail.notify }) },
      invitations: options.invitations ?? defaults.invitations,
    },
    { clock: options.clock },
  )
}

/** Uploads a contacts CSV as the browser's multipart form does, with the page's CSRF token. */
export async function uploadContacts(agent: Agent, slug: string, csv: string | Buffer) {
  const page = await agent.get(paths.manage.invitationsUpload(slug))
  return agent
    .post(paths.manage.invitationsUpload(slug))
    .field('_csrf', csrfTokenIn(page.text))
    .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), {
      filename: 'contacts.csv',
      contentType: 'text/csv',
    })
}

/** Uploads and sends a list, with these reminder days; returns the list's page path. */
export async function uploadAndSend(agent: Agent, slug: string, csv: string, reminderDays = '') {
  const uploaded = await uploadContacts(agent, slug, csv)
  if (uploaded.status !== 303) throw new Error(`Uploading gave ${String(uploaded.status)}`)
  const listPath = uploaded.headers.location ?? ''
  const previewPath = `${listPath}/preview`
  const page = await agent.get(previewPath)
  const sent = await agent
    .post(previewPath)
    .type('form')
    .send({ reminderDays, _csrf: csrfTokenIn(page.text) })
  if (sent.status !== 303) throw new Error(`Sending gave ${String(sent.status)}`)
  return listPath
}

/** The survey link's path in an email (with its ?lang=), and the unsubscribe page's. */
export const surveyLinkIn = (text: string): string | undefined =>
  /https?:\/\/[^/\s]+(\/i\/[A-Za-z0-9_-]{43}\?lang=[a-z]{2})/.exec(text)?.[1]
export const unsubscribeLinkIn = (text: string): string | undefined =>
  /https?:\/\/[^/\s]+(\/i\/[A-Za-z0-9_-]{43}\/unsubscribe\?lang=[a-z]{2})/.exec(text)?.[1]

/** Outbox rows by contact address and kind, for what was sent and what was not. */
export async function outboxRows(db: Database) {
  return db.query<{ email: string; kind: string; status: string; failure: string | null }>(
    `SELECT i.email, e.kind, e.status, e.failure FROM invitation_emails e
       JOIN invitations i ON i.organisation_id = e.organisation_id AND i.id = e.invitation_id
      ORDER BY i.email, e.kind`,
  )
}

/** Asks the worker to send now, as the minute's timetable run does in a running server. */
export const sendNow = (testApp: TestApp, db: Database) =>
  testApp.jobQueue.enqueue(db, 'invitation-emails', {})
