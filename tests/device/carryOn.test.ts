import { hashResumeToken, newResumeToken } from '../../server/device/model/resumeToken'
import { insertResumeLink } from '../../server/device/store/resumeLinkQueries'
import { paths } from '../../server/paths'
import { postForm, signedInAs } from '../helpers/officers'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { startSmtpServer } from '../helpers/smtpServer'
import { startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { appSendingTo, eventually } from '../safeguarding/alertsFixtures'
import { emailLinkPath, pathOf, resumeLinkIn, tablesHolding } from './deviceHelpers'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let organisation: { id: string; slug: string }
let surveyId: string

beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  testApp = await appSendingTo(database.db, smtp.url)
  organisation = await insertOrganisation(database.db)
  surveyId = (await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' }))
    .surveyId
})
afterAll(async () => {
  await smtp.close()
  await database.drop()
})

const outbox = () => database.db.query<{ email: string }>('SELECT email FROM resume_emails')
const draftIds = () => database.db.query<{ id: string }>('SELECT id FROM drafts ORDER BY created_at')

async function startedRespondent() {
  const respondent = new Respondent(testApp.app, organisation.slug, 'what-i-need')
  await respondent.begin()
  await respondent.answerAll({ 'listened-to': 'very-important', healthiest: 'important' })
  return respondent
}

/** Opens the email form from a question page's own link, as a person would, and sends the address. */
async function askForLink(respondent: Respondent, email: string) {
  const question = await respondent.get(respondent.questionPath('safe'))
  const href = /href="([^"]*email-me-a-link[^"]*)"/.exec(question.text)?.[1]?.replaceAll('&amp;', '&')
  expect(href).toBe(
    `${emailLinkPath(respondent)}?from=${encodeURIComponent(respondent.questionPath('safe'))}`,
  )
  const form = await respondent.get(href ?? '')
  expect(form.status).toBe(200)
  return respondent.post(emailLinkPath(respondent), { email, from: respondent.questionPath('safe') })
}

describe('the start page', () => {
  it('says how a respondent can carry on: on this device, or from an emailed link', async () => {
    const start = await new Respondent(testApp.app, organisation.slug, 'what-i-need').get(
      paths.respond.start(organisation.slug, 'what-i-need'),
    )
    expect(start.text).toContain(
      'Your answers are saved as you go. You can come back on this device to carry on.',
    )
    expect(start.text).toContain('You can also ask us to email you a link.')
    expect(start.text).toContain('Your answers are kept for 7 days after your last answer.')
  })
})

describe('email me a link to carry on', () => {
  it('refuses an empty or malformed address with 400, keeps what was typed, and stores nothing', async () => {
    const respondent = await startedRespondent()
    const empty = await askForLink(respondent, '   ')
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('<title>Error: Get a link to carry on')
    expect(empty.text).toContain('href="#email">Enter your email address</a>')
    const bad = await askForLink(respondent, 'not an <address>')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Enter an email address like name@example.com')
    expect(bad.text).toContain('value="not an &lt;address&gt;"')
    expect(await outbox()).toEqual([])
    expect(await database.db.query("SELECT 1 FROM response_activity WHERE action = 'resume-email'")).toEqual(
      [],
    )
  })

  it('refuses a post without the form token (403) and stores nothing', async () => {
    const respondent = await startedRespondent()
    const refused = await respondent.agent
      .post(emailLinkPath(respondent))
      .type('form')
      .send({ email: 'someone@example.com' })
    expect(refused.status).toBe(403)
    expect(await outbox()).toEqual([])
  })

  it('emails a link once through SMTP, then keeps the address nowhere; the link carries on in a fresh browser', async () => {
    const address = 'carry.on.person@example.com'
    const respondent = await startedRespondent()
    const sent = await askForLink(respondent, address)
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(paths.respond.emailLinkSent(organisation.slug, 'what-i-need'))
    const sentPage = await respondent.get(sent.headers.location ?? '')
    expect(sentPage.text).toContain('Check your email')
    expect(sentPage.text).toContain('We have not kept your email address.')
    expect(sentPage.text).not.toContain(address)
    // Persisted before anything was sent: the outbox row is the only place the address is.
    expect(await tablesHolding(database.db, address)).toEqual(['public.resume_emails'])

    const stop = await startWorker(testApp)
    try {
      const [mail] = await eventually(() => (smtp.received.length > 0 ? smtp.received : undefined))
      await eventually(async () => ((await outbox()).length === 0 ? true : undefined))
      expect(mail?.to).toBe(address)
      expect(mail?.subject).toBe('Your link to carry on: What I need')
      const link = resumeLinkIn(mail?.text ?? '')
      expect(link).toBeDefined()
      expect(await tablesHolding(database.db, address)).toEqual([])
      expect(testApp.logLines.join('')).not.toContain(address)
      expect(testApp.logLines.join('')).not.toContain(pathOf(link ?? ''))
      // Only the token's hash is kept.
      const token = (link ?? '').split('/').at(-1) ?? ''
      expect(await tablesHolding(database.db, token)).toEqual([])

      const elsewhere = new Respondent(testApp.app, organisation.slug, 'what-i-need')
      const opened = await elsewhere.get(pathOf(link ?? ''))
      expect(opened.status).toBe(303)
      expect(opened.headers.location).toBe(elsewhere.startPath)
      const start = await elsewhere.get(elsewhere.startPath)
      expect(start.text).toContain('Carry on where I left off')
      const carryOn = await elsewhere.post(`${elsewhere.startPath}/start`)
      expect(carryOn.headers.location).toBe(elsewhere.questionPath('safe'))
      const earlier = await elsewhere.get(elsewhere.questionPath('healthiest'))
      expect(earlier.text).toMatch(/value="important" checked/)
      // Asked once, sent once.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(smtp.received.filter((each) => each.to === address)).toHaveLength(1)
    } finally {
      await stop()
    }
  })

  it('gives the kind expired page once the draft has expired (410), and for a link that never was (404)', async () => {
    smtp.received.length = 0
    const respondent = await startedRespondent()
    await askForLink(respondent, 'expiring@example.com')
    const stop = await startWorker(testApp)
    let link = ''
    try {
      const [mail] = await eventually(() => (smtp.received.length > 0 ? smtp.received : undefined))
      link = resumeLinkIn(mail?.text ?? '') ?? ''
    } finally {
      await stop()
    }
    await database.db.query(`UPDATE drafts SET expires_at = now() - interval '1 minute'`)
    const expired = await new Respondent(testApp.app, organisation.slug, 'what-i-need').get(pathOf(link))
    expect(expired.status).toBe(410)
    expect(expired.text).toContain('This link has expired')
    expect(expired.text).toContain('Links stop working 7 days after the last answer.')
    expect(expired.headers['set-cookie']).toBeUndefined()
    const never = await new Respondent(testApp.app, organisation.slug, 'what-i-need').get(
      paths.respond.resumeLink(organisation.slug, 'what-i-need', 'x'.repeat(43)),
    )
    expect(never.status).toBe(404)
    expect(never.text).toContain('This link has expired')
  })

  it('sends at most 3 links for one draft; the fourth request is refused (429) and stores nothing', async () => {
    const respondent = await startedRespondent()
    for (const each of [1, 2, 3])
      expect((await askForLink(respondent, `person${String(each)}@example.com`)).status).toBe(303)
    const before = (await outbox()).length
    const refused = await askForLink(respondent, 'person4@example.com')
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('You have asked for 3 links already.')
    expect(refused.text).toContain('value="person4@example.com"')
    expect((await outbox()).length).toBe(before)
  })

  it('sends at most 10 links an hour from one address, over several drafts', async () => {
    const before = (await outbox()).length
    let accepted = 0
    let refused: Awaited<ReturnType<typeof askForLink>> | undefined
    for (let draft = 0; draft < 4 && !refused; draft += 1) {
      const respondent = await startedRespondent()
      for (let each = 0; each < 3 && !refused; each += 1) {
        const asked = await askForLink(respondent, `bulk${String(draft)}.${String(each)}@example.com`)
        if (asked.status === 303) accepted += 1
        else refused = asked
      }
    }
    // Five links were sent for this address by the tests before this one.
    expect(accepted).toBe(10 - 5)
    expect(refused?.status).toBe(429)
    expect(refused?.text).toContain('Too many links have been asked for from here.')
    expect((await outbox()).length).toBe(before + accepted)
  })

  it('is not offered, and is not there (404), in an officer’s preview', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'unpublished',
      status: 'draft',
    })
    const officer = await signedInAs(testApp.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    const start = paths.respond.start(organisation.slug, 'unpublished')
    expect(
      (await postForm(officer, start, paths.respond.begin(organisation.slug, 'unpublished'))).status,
    ).toBe(303)
    const question = await officer.get(
      paths.respond.question(organisation.slug, 'unpublished', 'listened-to'),
    )
    expect(question.status).toBe(200)
    expect(question.text).not.toContain('email-me-a-link')
    expect((await officer.get(paths.respond.emailLink(organisation.slug, 'unpublished'))).status).toBe(404)
  })
})

describe('start again', () => {
  it('asks first, then deletes the draft itself, forgets it, and any emailed link stops working', async () => {
    const respondent = await startedRespondent()
    const [draft] = (await draftIds()).slice(-1)
    const token = newResumeToken()
    await insertResumeLink(
      database.db,
      { organisationId: organisation.id, surveyId, draftId: draft?.id ?? '' },
      { tokenHash: hashResumeToken(token), createdAt: new Date() },
    )
    const linkPath = paths.respond.resumeLink(organisation.slug, 'what-i-need', token)
    expect((await new Respondent(testApp.app, organisation.slug, 'what-i-need').get(linkPath)).status).toBe(
      303,
    )
    const question = await respondent.get(respondent.questionPath('safe'))
    const startAgainPath = paths.respond.startAgain(organisation.slug, 'what-i-need')
    expect(question.text).toContain(`href="${startAgainPath}"`)
    const confirm = await respondent.get(startAgainPath)
    expect(confirm.status).toBe(200)
    expect(confirm.text).toContain('Do you want to start again?')
    expect(confirm.text).toContain('We will delete all your answers so far.')
    const done = await respondent.post(startAgainPath)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(respondent.startPath)
    expect(String(done.headers['set-cookie'])).toMatch(/heard\.draft=;/)
    expect(await database.db.query('SELECT 1 FROM drafts WHERE id = $1', [draft?.id])).toEqual([])
    expect(await database.db.query('SELECT 1 FROM resume_links WHERE draft_id = $1', [draft?.id])).toEqual([])
    expect((await new Respondent(testApp.app, organisation.slug, 'what-i-need').get(linkPath)).status).toBe(
      404,
    )
    const start = await respondent.get(respondent.startPath)
    expect(start.text).toContain('Start now')
    expect(start.text).not.toContain('Carry on where I left off')
    // Pressing it again finds nothing to delete and goes to the start page all the same.
    expect((await respondent.post(startAgainPath)).headers.location).toBe(respondent.startPath)
  })

  it('with no draft, the confirm page is not shown: back to the start', async () => {
    const fresh = new Respondent(testApp.app, organisation.slug, 'what-i-need')
    const page = await fresh.get(paths.respond.startAgain(organisation.slug, 'what-i-need'))
    expect(page.status).toBe(303)
    expect(page.headers.location).toBe(fresh.startPath)
  })
})
