import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { startWorker, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { startFakeNotify } from './fakeNotify'
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
const templateId = randomUUID()
let notify: Awaited<ReturnType<typeof startFakeNotify>>
let testApp: TestApp
let stopWorker: () => Promise<void>
let analyst: Agent
const survey = { organisation: '', slug: '', organisationId: '' }

const mailTo = (address: string, subjectPart = '') =>
  notify.received.find((mail) => mail.to === address && mail.subject.includes(subjectPart))

beforeAll(async () => {
  notify = await startFakeNotify(templateId)
  testApp = await appWithMail(
    database.db,
    { notify: { apiKey: notify.apiKey, baseUrl: notify.baseUrl, templateId } },
    { clock: time.clock },
  )
  stopWorker = await startWorker(testApp)
  const organisation = await insertOrganisation(database.db)
  Object.assign(survey, { organisation: organisation.slug, organisationId: organisation.id })
  ;({ slug: survey.slug } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
  }))
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})

afterAll(async () => {
  await stopWorker()
  await notify.close()
})

describe('invitations through GOV.UK Notify', () => {
  it('sends through Notify’s API with the template, personalisation, reference and one-click unsubscribe', async () => {
    const csv =
      'email,name,language\nann@example.org,Ann,en\ncai@example.org,Cai,cy\nbad@refuse.example,,en\n'
    await uploadAndSend(analyst, survey.slug, csv, '3, 6')
    await eventually(async () =>
      (await outboxRows(database.db)).every((row) => ['sent', 'failed'].includes(row.status))
        ? true
        : undefined,
    )
    expect(notify.received.map((mail) => mail.to).sort()).toEqual(['ann@example.org', 'cai@example.org'])
    expect(notify.refusedRequests).toHaveLength(1)
    expect(mailTo('cai@example.org')?.subject).toContain('glywed gennych')
    for (const mail of notify.received) {
      expect(mail.reference).toMatch(/^[0-9a-f-]{36}\.invitation$/)
      expect(surveyLinkIn(mail.text)).toBeDefined()
      expect(mail.unsubscribeUrl).toMatch(/\/i\/[A-Za-z0-9_-]{43}\/unsubscribe\?lang=/)
    }
    expect((await outboxRows(database.db)).find((row) => row.email === 'bad@refuse.example')).toMatchObject({
      status: 'failed',
      failure: 'refused',
    })
    const page = await analyst.get(paths.manage.invitations(survey.slug))
    expect(page.text).toContain('The mail service refused this address.')
  })

  it('opens the survey once from the link and marks the invitation answered', async () => {
    const link = surveyLinkIn(mailTo('ann@example.org')?.text ?? '') ?? ''
    expect(await answerThroughLink(testApp.app, survey, link)).toBe(303)
    expect(await answeredAddresses(database.db)).toEqual(['ann@example.org'])
    const again = await request(testApp.app).get(link)
    expect(again.text).toContain('You have already answered this survey')
  })

  it('reminds only the contact who has not answered, and nobody after they unsubscribe', async () => {
    time.moveOn(3.01)
    await sendNow(testApp, database.db)
    await eventually(() => mailTo('cai@example.org', 'Nodyn atgoffa'))
    const agent = request.agent(testApp.app)
    const unsubscribe = unsubscribeLinkIn(mailTo('cai@example.org', 'Nodyn atgoffa')?.text ?? '') ?? ''
    const page = await agent.get(unsubscribe)
    expect(page.text).toContain('Dad-danysgrifio')
    const done = await agent
      .post(unsubscribe.split('?')[0] ?? '')
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
    expect(done.status).toBe(303)
    time.moveOn(3)
    await sendNow(testApp, database.db)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(notify.received.map((mail) => `${mail.to} ${mail.reference?.split('.')[1] ?? ''}`).sort()).toEqual(
      ['ann@example.org invitation', 'cai@example.org invitation', 'cai@example.org reminder-3'],
    )
  })

  it('carries every other email of the app too: a sign-in link goes through Notify', async () => {
    const officer = await addOfficer(database.db, survey.organisationId, 'viewer')
    const agent = request.agent(testApp.app)
    const page = await agent.get(paths.signIn.request)
    const asked = await agent
      .post(paths.signIn.request)
      .type('form')
      .send({ email: officer.email, _csrf: csrfTokenIn(page.text) })
    expect(asked.status).toBeLessThan(400)
    const mail = await eventually(() => notify.received.find((each) => each.to === officer.email))
    expect(mail.text).toMatch(/\/sign-in\/link\/[A-Za-z0-9_-]+/)
  })
})
