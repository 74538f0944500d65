import fs from 'node:fs'
import path from 'node:path'
import { demoOrganisation, seedDemo } from '../../server/demo/seedDemo'
import { createTranslator } from '../../server/i18n/translator'
import { listAlertRecipients } from '../../server/safeguarding/alerts/alertQueries'
import { buildTestApp, startWorker } from '../helpers/testApp'
import { openTestDatabase } from '../helpers/testDatabase'
import { eventually, helpRequest, raise } from './alertsFixtures'

describe('the demo', () => {
  it('has its admin as safeguarding contact and local help, so an alert reaches the outbox folder', async () => {
    const database = await openTestDatabase()
    try {
      await seedDemo(database.db, (await createTranslator())('en'))
      const [organisation] = await database.db.query<{ id: string; local_help: { name: string }[] }>(
        'SELECT id, local_help FROM organisations WHERE slug = $1',
        [demoOrganisation.slug],
      )
      if (!organisation) throw new Error('No demo organisation')
      expect(organisation.local_help.map((help) => help.name)).toEqual([
        'Demo Council SENDIASS',
        'Demo Council children’s services front door',
      ])
      const [admin] = await database.db.query<{ id: string; safeguarding_contact: boolean }>(
        'SELECT id, safeguarding_contact FROM officers WHERE email = $1',
        [demoOrganisation.admin],
      )
      expect(admin?.safeguarding_contact).toBe(true)
      expect(await listAlertRecipients(database.db, organisation.id)).toEqual([admin?.id])

      // No SMTP_URL: the email is written to the outbox folder, as on `npm start`.
      const testApp = await buildTestApp(database.db)
      const stop = await startWorker(testApp)
      try {
        const handle = await raise(database.db, testApp.jobQueue, helpRequest(organisation.id))
        const { outboxDir } = testApp.config.mail
        const written = await eventually(() => {
          const files = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir) : []
          return files.length > 0 ? files : undefined
        })
        const email = fs.readFileSync(path.join(outboxDir, written[0] ?? ''), 'utf8')
        expect(email).toContain(`To: ${demoOrganisation.admin}`)
        expect(email).toContain('Subject: Safeguarding alert')
        expect(email).toContain(`/manage/alerts/${handle}`)
      } finally {
        await stop()
      }
    } finally {
      await database.drop()
    }
  })
})
