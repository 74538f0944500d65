import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { startSmtpServer, type ReceivedMail } from '../helpers/smtpServer'
import { startWorker, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import {
  appWithMail,
  eventually,
  movableClock,
  outboxRows,
  sendNow,
  surveyLinkIn,
  unsubscribeLinkIn,
  uploadAndSend,
} from './invitationFixtures'
import { answeredAddresses, answerThroughLink } from './journey'

const database = useTestDatabase()
const time = movableClock()
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let stopWorker: () => Promise<void>
let analyst: Agent
const survey = { organisation: '', slug: '' }

const mailTo = (address: string, subjectPart = ''): ReceivedMail | undefined =>
  smtp.received.find((mail) => mail.to.includes(address) && mail.subject.includes(subjectPart))
const countTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address)).length

beforeAll(async () => {
  smtp = await startSmtpServer()
  testApp = await appWithMail(database.db, { smtpUrl: smtp.url }, { clock: time.clock })
  stopWorker = await startWorker(testApp)
  const organisation = await insertOrganisation(database.db)
  survey.organisation = organisation.slug
  ;({ slug: survey.slug } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
  }))
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})

afterAll(async () => {
  await stopWorker()
  await smtp.close()
})

describe('invitations through SMTP', () => {
  it('sends each contact one email in their language, with their own single-use link and an unsubscribe link', async () => {
    const csv = [
      'email,name,language,group',
      'ann@example.org,Ann,en,Oak',
      'cai@example.org,Cai,cy,Oak',
      'esa@example.org,Esa,ur,Elm',
      'dan@example.org,,,Elm',
    ].join('\n')
    await uploadAndSend(analyst, survey.slug, csv, '7, 14')
    await eventually(() => (smtp.received.length >= 4 ? true : undefined))
    expect(mailTo('ann@example.org')?.subject).toMatch(/^Council .* would like to hear from you: /)
    expect(mailTo('ann@example.org')?.text).toContain('Hello Ann,')
    expect(mailTo('cai@example.org')?.subject).toMatch(/^Hoffai Council .* glywed gennych/)
    expect(mailTo('esa@example.org')?.subject).toContain('آپ سے سننا چاہتا ہے')
    expect(mailTo('dan@example.org')?.text).toContain('Hello,')
    for (const mail of smtp.received) {
      expect(surveyLinkIn(mail.text)).toBeDefined()
      expect(unsubscribeLinkIn(mail.text)).toBeDefined()
    }
    expect(new Set(smtp.received.map((mail) => surveyLinkIn(mail.text))).size).toBe(4)
    await eventually(async () =>
      (await outboxRows(database.db)).every((row) => row.status === 'sent') ? true : undefined,
    )
  })

  it('starts the survey from the link, and sending the answers marks that invitation answered', async () => {
    const link = surveyLinkIn(mailTo('ann@example.org')?.text ?? '') ?? ''
    expect(await answerThroughLink(testApp.app, survey, link)).toBe(303)
    expect(await answeredAddresses(database.db)).toEqual(['ann@example.org'])
  })

  it('does not start another response from a used link: a kind page says so', async () => {
    const link = surveyLinkIn(mailTo('ann@example.org')?.text ?? '') ?? ''
    const again = await request(testApp.app).get(link)
    expect(again.status).toBe(200)
    expect(again.text).toContain('You have already answered this survey')
    expect(String(again.headers['set-cookie'])).not.toContain('heard.invitation')
    expect((await request(testApp.app).get(paths.invitations.link('x'.repeat(43)))).status).toBe(404)
  })

  it('unsubscribes from the link in the email, after a confirming press, with no sign-in', async () => {
    const agent = request.agent(testApp.app)
    const link = unsubscribeLinkIn(mailTo('dan@example.org')?.text ?? '') ?? ''
    const page = await agent.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Unsubscribe from survey emails')
    const done = await agent
      .post(link.split('?')[0] ?? '')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
    expect(done.status).toBe(303)
    expect((await agent.get(done.headers.location ?? '')).text).toContain('You have been unsubscribed')
  })

  it('reminds, on the chosen day, only those who have neither answered nor unsubscribed', async () => {
    time.moveOn(7.01)
    await sendNow(testApp, database.db)
    await eventually(() =>
      mailTo('cai@example.org', 'Nodyn atgoffa') && mailTo('esa@example.org', 'یاد دہانی') ? true : undefined,
    )
    await eventually(async () =>
      (await outboxRows(database.db)).every((row) => row.status === 'sent') ? true : undefined,
    )
    expect((await outboxRows(database.db)).map((row) => `${row.email} ${row.kind}`)).toEqual([
      'ann@example.org invitation',
      'cai@example.org invitation',
      'cai@example.org reminder-7',
      'dan@example.org invitation',
      'esa@example.org invitation',
      'esa@example.org reminder-7',
    ])
    expect([countTo('ann@example.org'), countTo('dan@example.org')]).toEqual([1, 1])
  })

  it('sends no reminder after a response, even through a reminder link', async () => {
    const reminderLink = surveyLinkIn(mailTo('cai@example.org', 'Nodyn atgoffa')?.text ?? '') ?? ''
    expect(await answerThroughLink(testApp.app, survey, reminderLink)).toBe(303)
    expect(await answeredAddresses(database.db)).toEqual(['ann@example.org', 'cai@example.org'])
    time.moveOn(7)
    await sendNow(testApp, database.db)
    await eventually(() =>
      smtp.received.filter((mail) => mail.to.includes('esa@example.org')).length === 3 ? true : undefined,
    )
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect([countTo('ann@example.org'), countTo('cai@example.org'), countTo('dan@example.org')]).toEqual([
      1, 2, 1,
    ])
  })

  it('shows each state and the response rate by group', async () => {
    const page = await analyst.get(paths.manage.invitations(survey.slug))
    expect(page.text).toMatch(/Oak<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>100%/)
    expect(page.text).toMatch(/Elm<\/th>\s*<td[^>]*>2<\/td>\s*<td[^>]*>0<\/td>\s*<td[^>]*>0%/)
    expect(page.text).toContain('Unsubscribed')
    expect(page.text).toContain('Answered')
  })

  it('honours the unsubscribe for later lists of the same organisation', async () => {
    const before = smtp.received.length
    await uploadAndSend(analyst, 'what-i-need', 'email\ndan@example.org\nfern@example.org\n')
    await eventually(() => (mailTo('fern@example.org') ? true : undefined))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(smtp.received.slice(before).map((mail) => mail.to)).toEqual(['fern@example.org'])
    const page = await analyst.get(paths.manage.invitations('what-i-need'))
    expect(page.text).toMatch(/dan@example.org[\s\S]*?Unsubscribed/)
  })
})
