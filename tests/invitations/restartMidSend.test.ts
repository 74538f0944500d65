import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs } from '../helpers/officers'
import { startWorker } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { holdMinutes } from '../../server/invitations/sendInvitationEmails'
import { appWithMail, eventually, outboxRows, sendNow, uploadAndSend } from './invitationFixtures'
import { killableDatabase } from './killableDatabase'
import { startStallingSmtp } from './stallingSmtp'

const database = useTestDatabase({ onDisk: true })
const contacts = Array.from(
  { length: 40 },
  (_, index) => `person${String(index).padStart(2, '0')}@example.org`,
)

describe('a server that stops in the middle of sending invitations', () => {
  it('leaves the next server to send the rest: nothing twice, nothing lost', async () => {
    const smtp = await startStallingSmtp()
    const organisation = await insertOrganisation(database.db)
    const { slug } = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'ehcp-experience',
    })
    // Ten a second, so the stop falls well inside the sending.
    const invitations = { perMinute: 600, keptDaysAfterClose: 30 }
    const dying = killableDatabase(database.db)
    const first = await appWithMail(dying.db, { smtpUrl: smtp.url }, { invitations })
    await startWorker(first)
    const analyst = await signedInAs(first.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    await uploadAndSend(analyst, slug, `email\n${contacts.join('\n')}\n`)
    await eventually(() => (smtp.accepted.length >= 10 ? true : undefined))

    // The mail server stops answering mid-message; then the server dies before it hears back, so it
    // marks nothing more and its messages in flight are never accepted. Then the database restarts.
    smtp.state.stalled = true
    await eventually(() => (smtp.waiting.length >= 1 ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 500))
    dying.kill()
    smtp.refuseStalled()
    const db = await database.restart()
    const sentBefore = smtp.accepted.length
    expect(sentBefore).toBeLessThan(contacts.length)
    expect((await outboxRows(db)).some((row) => row.status === 'sending')).toBe(true)

    // A new server on the same database, once the dead one's claims have lapsed.
    const later = () => new Date(Date.now() + (holdMinutes + 1) * 60_000)
    const second = await appWithMail(db, { smtpUrl: smtp.url }, { invitations, clock: later })
    const stopSecond = await startWorker(second)
    try {
      await sendNow(second, db)
      await eventually(async () =>
        (await outboxRows(db)).every((row) => row.status === 'sent') ? true : undefined,
      )
      expect([...smtp.accepted].sort()).toEqual(contacts)
    } finally {
      await stopSecond()
      dying.settleOn(db)
      await first.jobQueue.stop()
      await smtp.close()
    }
    // The dead server's leftovers, once let through, found every email claimed anew: nothing more went.
    expect(smtp.accepted).toHaveLength(contacts.length)
  })
})
