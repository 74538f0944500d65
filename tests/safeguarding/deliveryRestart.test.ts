import { insertOrganisation } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import {
  allJobsFinished,
  appSendingTo,
  emailRows,
  eventually,
  helpRequest,
  mailCounts,
  raise,
} from './alertsFixtures'

const database = useTestDatabase({ onDisk: true })

describe('an alert raised just before the server stops', () => {
  it('is still delivered, once, by the server that starts next', async () => {
    const organisation = await insertOrganisation(database.db)
    const officer = await addOfficer(database.db, organisation.id, 'safeguarding')
    // Raised with no worker running: the alert, its outbox row and its job are all that exist.
    const before = await buildTestApp(database.db)
    const handle = await raise(database.db, before.jobQueue, helpRequest(organisation.id))
    expect((await emailRows(database.db, handle)).map((row) => row.sent_at)).toEqual([null])

    const db = await database.restart()
    const smtp = await startSmtpServer()
    const after = await appSendingTo(db, smtp.url)
    const stop = await startWorker(after)
    try {
      await eventually(async () =>
        (await emailRows(db, handle)).every((row) => row.sent_at !== null) ? true : undefined,
      )
      await eventually(() => allJobsFinished(db))
      expect(smtp.received.map((mail) => mail.to)).toEqual([officer.email])
      expect([...mailCounts(smtp.received).values()]).toEqual([1])
    } finally {
      await stop()
      await smtp.close()
    }
  })
})
