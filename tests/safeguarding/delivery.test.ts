import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import type { Database } from '../../server/db/database'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { startSmtpServer } from '../helpers/smtpServer'
import { startWorker } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import {
  allJobsFinished,
  appSendingTo,
  childsWords,
  emailRows,
  eventually,
  freeTextAlert,
  handleIn,
  helpRequest,
  mailCounts,
  raise,
} from './alertsFixtures'

const database = useTestDatabase()

/** A port with nothing listening on it: the mail server is down. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve()
    }),
  )
  return port
}

async function organisationWithOfficers(db: Database) {
  const organisation = await insertOrganisation(db)
  const safeguarding = await addOfficer(db, organisation.id, 'safeguarding')
  const contact = await addOfficer(db, organisation.id, 'admin')
  await db.query('UPDATE officers SET safeguarding_contact = true WHERE id = $1', [contact.id])
  const admin = await addOfficer(db, organisation.id, 'admin')
  const viewer = await addOfficer(db, organisation.id, 'viewer')
  const analyst = await addOfficer(db, organisation.id, 'analyst')
  return { organisation, safeguarding, contact, admin, viewer, analyst }
}

describe('alert emails', () => {
  it('go to safeguarding officers and contacts only, once each, and carry none of the young person’s words', async () => {
    const smtp = await startSmtpServer()
    const testApp = await appSendingTo(database.db, smtp.url)
    const people = await organisationWithOfficers(database.db)
    const stop = await startWorker(testApp)
    try {
      const help = await raise(database.db, testApp.jobQueue, helpRequest(people.organisation.id))
      const words = await raise(database.db, testApp.jobQueue, freeTextAlert(people.organisation.id))
      const received = await eventually(() => (smtp.received.length >= 4 ? smtp.received : undefined))
      await eventually(() => allJobsFinished(database.db))
      expect(received.map((mail) => `${mail.to} ${handleIn(mail) ?? ''}`).sort()).toEqual(
        [
          `${people.safeguarding.email} ${help}`,
          `${people.contact.email} ${help}`,
          `${people.safeguarding.email} ${words}`,
          `${people.contact.email} ${words}`,
        ].sort(),
      )
      for (const mail of received) {
        expect(mail.subject).toBe('Safeguarding alert')
        expect(mail.text).toContain(`${testApp.config.baseUrl}/manage/alerts/${handleIn(mail) ?? ''}`)
        for (const word of Object.values(childsWords)) {
          expect(mail.text).not.toContain(word)
          expect(mail.subject).not.toContain(word)
        }
        for (const phrase of ['not safe', 'hurt', 'stepdad'])
          expect(mail.text.toLowerCase()).not.toContain(phrase)
      }
      for (const row of await emailRows(database.db, help)) expect(row.sent_at).not.toBeNull()
      // Nothing of the young person in the log either.
      for (const word of Object.values(childsWords)) expect(testApp.logLines.join('')).not.toContain(word)
    } finally {
      await stop()
      await smtp.close()
    }
  })

  it('go to every admin when nobody is a safeguarding officer or contact: never to nobody', async () => {
    const smtp = await startSmtpServer()
    const testApp = await appSendingTo(database.db, smtp.url)
    const organisation = await insertOrganisation(database.db)
    const first = await addOfficer(database.db, organisation.id, 'admin')
    const second = await addOfficer(database.db, organisation.id, 'admin')
    await addOfficer(database.db, organisation.id, 'viewer')
    const stop = await startWorker(testApp)
    try {
      await raise(database.db, testApp.jobQueue, helpRequest(organisation.id))
      const received = await eventually(() => (smtp.received.length >= 2 ? smtp.received : undefined))
      expect(received.map((mail) => mail.to).sort()).toEqual([first.email, second.email].sort())
    } finally {
      await stop()
      await smtp.close()
    }
  })

  it('are retried while the mail server is down and delivered exactly once when it is back', async () => {
    const port = await freePort()
    const testApp = await appSendingTo(database.db, `smtp://127.0.0.1:${String(port)}`)
    const people = await organisationWithOfficers(database.db)
    const handle = await raise(database.db, testApp.jobQueue, helpRequest(people.organisation.id))
    const stop = await startWorker(testApp)
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined
    try {
      // Two failed tries at least, recorded on the outbox rows, before the server comes back.
      await eventually(async () => {
        const rows = await emailRows(database.db, handle)
        return rows.every((row) => row.attempts >= 2) ? rows : undefined
      })
      smtp = await startSmtpServer({ port })
      const server = smtp
      await eventually(async () => {
        const rows = await emailRows(database.db, handle)
        return rows.every((row) => row.sent_at !== null) ? rows : undefined
      })
      await eventually(() => allJobsFinished(database.db))
      expect([...mailCounts(server.received).values()]).toEqual([1, 1])
      expect(server.received.map((mail) => mail.to).sort()).toEqual(
        [people.safeguarding.email, people.contact.email].sort(),
      )
      for (const row of await emailRows(database.db, handle)) expect(row.attempts).toBeGreaterThan(1)
      expect(testApp.logLines.join('')).toContain('safeguarding email not sent')
      for (const word of [...Object.values(childsWords), people.safeguarding.email])
        expect(testApp.logLines.join('')).not.toContain(word)
    } finally {
      await stop()
      await smtp?.close()
    }
  })

  it('are never sent twice, with two workers on one database working the same alerts at once', async () => {
    const smtp = await startSmtpServer()
    const one = await appSendingTo(database.db, smtp.url)
    const two = await appSendingTo(database.db, smtp.url)
    const people = await organisationWithOfficers(database.db)
    const handles: string[] = []
    for (let index = 0; index < 20; index += 1) {
      handles.push(await raise(database.db, one.jobQueue, freeTextAlert(people.organisation.id)))
    }
    // The same alerts enqueued again, as the sweep's backstop might: two jobs per alert race.
    const alerts = await database.db.query<{ id: string }>(
      'SELECT id FROM safeguarding_alerts WHERE organisation_id = $1',
      [people.organisation.id],
    )
    await database.db.transaction(async (tx) => {
      for (const { id } of alerts)
        await two.jobQueue.enqueue(tx, 'safeguarding-email', {
          organisationId: people.organisation.id,
          alertId: id,
        })
    })
    const stops = [await startWorker(one), await startWorker(two)]
    try {
      await eventually(() => allJobsFinished(database.db))
      expect(smtp.received).toHaveLength(40)
      const counts = mailCounts(smtp.received)
      expect(counts.size).toBe(40)
      expect([...counts.values()].every((count) => count === 1)).toBe(true)
      expect(new Set(smtp.received.map(handleIn))).toEqual(new Set(handles))
    } finally {
      for (const stop of stops) await stop()
      await smtp.close()
    }
  })
})
