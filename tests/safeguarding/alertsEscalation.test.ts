import { createJobHandlers } from '../../server/jobs/jobHandlers'
import { jobQueueSchema } from '../../server/jobs/jobQueueQueries'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent } from '../helpers/officers'
import { startSmtpServer } from '../helpers/smtpServer'
import { startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import {
  allJobsFinished,
  appSendingTo,
  emailRows,
  eventually,
  freeTextAlert,
  helpRequest,
  raise,
} from './alertsFixtures'

const raisedAt = new Date('2030-03-04T09:00:00Z')
let now = raisedAt
const minutesLater = (minutes: number) => new Date(raisedAt.getTime() + minutes * 60_000)

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let stopWorker: () => Promise<void>
beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  testApp = await appSendingTo(database.db, smtp.url, { clock: () => now })
  stopWorker = await startWorker(testApp)
})
afterAll(async () => {
  await stopWorker()
  await smtp.close()
  await database.drop()
})

const sweep = async () => {
  const handler = createJobHandlers(testApp.jobDependencies)['safeguarding-sweep']
  if (!handler) throw new Error('No sweep handler')
  await handler({})
  await eventually(() => allJobsFinished(database.db))
}

const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to === email)

describe('an alert nobody acknowledges', () => {
  it('goes to every admin, once, after the organisation’s time; an acknowledged one never does', async () => {
    const organisation = await insertOrganisation(database.db)
    await database.db.query('UPDATE organisations SET alert_escalation_minutes = 30 WHERE id = $1', [
      organisation.id,
    ])
    const safeguarding = await addOfficer(database.db, organisation.id, 'safeguarding')
    const contact = await addOfficer(database.db, organisation.id, 'admin')
    await database.db.query('UPDATE officers SET safeguarding_contact = true WHERE id = $1', [contact.id])
    const admin = await addOfficer(database.db, organisation.id, 'admin')
    const viewer = await addOfficer(database.db, organisation.id, 'viewer')

    now = raisedAt
    const ignored = await raise(database.db, testApp.jobQueue, helpRequest(organisation.id), now)
    const seen = await raise(database.db, testApp.jobQueue, freeTextAlert(organisation.id), now)
    await eventually(() => (smtp.received.length >= 4 ? true : undefined))
    const agent = await signedInAgent(testApp.app, database.db, safeguarding)
    const acknowledged = await postForm(agent, `/manage/alerts/${seen}`, `/manage/alerts/${seen}/acknowledge`)
    expect(acknowledged.status).toBe(303)

    now = minutesLater(29)
    await sweep()
    expect(mailsTo(admin.email)).toEqual([])
    expect((await emailRows(database.db, ignored)).map((row) => row.reason)).toEqual(['alert', 'alert'])

    now = minutesLater(30)
    await sweep()
    await eventually(() => (mailsTo(admin.email).length >= 1 ? true : undefined))
    await sweep()
    now = minutesLater(600)
    await sweep()

    // The admins are told once each, the contact among them though told already; the rest are not.
    const escalations = smtp.received.filter(
      (mail) => mail.subject === 'Safeguarding alert not yet acknowledged',
    )
    expect(escalations.map((mail) => mail.to).sort()).toEqual([admin.email, contact.email].sort())
    for (const mail of escalations) {
      expect(mail.text).toContain(`/manage/alerts/${ignored}`)
      expect(mail.text).toContain('30 minutes')
    }
    expect(mailsTo(viewer.email)).toEqual([])
    expect(mailsTo(safeguarding.email)).toHaveLength(2)
    expect((await emailRows(database.db, seen)).map((row) => row.reason)).toEqual(['alert', 'alert'])
    const [alert] = await database.db.query<{ escalated_at: Date }>(
      'SELECT escalated_at FROM safeguarding_alerts WHERE handle = $1',
      [ignored],
    )
    expect(alert?.escalated_at).toEqual(minutesLater(30))
  })
})

describe('an alert email the queue gave up on', () => {
  it('is put back on the queue by the sweep, and sent', async () => {
    const organisation = await insertOrganisation(database.db)
    const officer = await addOfficer(database.db, organisation.id, 'safeguarding')
    now = raisedAt
    await stopWorker()
    const handle = await raise(database.db, testApp.jobQueue, helpRequest(organisation.id), now)
    // As if every retry had failed: the job is over, the email still unsent.
    await database.db.query(
      `UPDATE ${jobQueueSchema}.job SET state = 'failed' WHERE name = 'safeguarding-email' AND state < 'completed'`,
    )
    stopWorker = await startWorker(testApp)
    now = minutesLater(2)
    await sweep()
    expect(mailsTo(officer.email)).toEqual([])

    now = minutesLater(6)
    await sweep()
    await eventually(async () =>
      (await emailRows(database.db, handle)).every((row) => row.sent_at !== null) ? true : undefined,
    )
    expect(mailsTo(officer.email)).toHaveLength(1)
  })
})
