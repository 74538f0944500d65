import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** The unsubscribe link in the invitation emailed to this address, once the worker has sent it. */
async function awaitUnsubscribePath(outboxDir: string, address: string): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    for (const file of fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir) : []) {
      const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file)))
      const to = Array.isArray(mail.to) ? mail.to.map((each) => each.text).join(', ') : (mail.to?.text ?? '')
      const link = to.includes(address)
        ? /\/i\/[A-Za-z0-9_-]{43}\/unsubscribe/.exec(mail.text ?? '')?.[0]
        : undefined
      if (link) return link
    }
    if (Date.now() > deadline) throw new Error(`No invitation email for ${address} in ${outboxDir}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const upload = async (tour: Tour, csv: string, expectedStatus = 200) => {
  await tour.page
    .locator('#file')
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await tour.press(submit(tour), expectedStatus)
}

/** Inviting contacts by email: upload (with errors), the rows left out, the preview, the states, unsubscribing. */
export async function invitationOfficerPages(tour: Tour, seeded: Seeded, outboxDir: string): Promise<void> {
  const { language } = tour.options
  // A survey per tour: the two tours run side by side, and a new upload replaces a list not yet sent.
  const slug = language === 'en' ? seeded.ehcpExperience : seeded.whatINeed
  const address = `a11y-${language}@example.org`
  await tour.visit(paths.manage.invitationsUpload(slug))
  await tour.check('invitations: upload')
  await upload(tour, 'name,group\nAnn,Oak\n', 400)
  await expectErrorSummary(tour, 'invitations: upload')
  await tour.check('invitations: upload, error')
  await upload(
    tour,
    `email,name,language,group\n${address},Ann,${language},Oak\nnot-an-email,Bob,en,Oak\n,,fr,\n`,
  )
  await tour.check('invitations: contact list, rows left out')
  await tour.navigate('continuing', () => tour.page.locator('main a.govuk-button').click())
  await tour.check('invitations: preview')
  await tour.page.locator('#reminderDays').fill('every week')
  await tour.press(submit(tour), 400)
  await expectErrorSummary(tour, 'invitations: preview')
  await tour.check('invitations: preview, error')
  await tour.page.locator('#reminderDays').fill('7, 14')
  await tour.press(submit(tour))
  await tour.check('invitations: states and response rates')
  await tour.visit(await awaitUnsubscribePath(outboxDir, address))
  await tour.check('invitations: unsubscribe')
  await tour.press(submit(tour))
  await tour.check('invitations: unsubscribed')
  await tour.visit(paths.invitations.link('x'.repeat(43)), 404)
  await tour.check('invitations: link not found')
}
