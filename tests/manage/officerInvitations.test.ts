import request from 'supertest'
import { loadConfig } from '../../server/config'
import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { linkIn, startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { waitForEmailJobs } from '../signIn/signInJobs'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let organisation: { id: string; slug: string }
let admin: Agent
let stopWorker: () => Promise<void>

beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  testApp = await buildTestApp(database.db, { mail: { ...loadConfig({}).mail, smtpUrl: smtp.url } })
  organisation = await insertOrganisation(database.db)
  const boss = await addOfficer(database.db, organisation.id, 'admin', 'boss@council.example')
  admin = await signedInAgent(testApp.app, database.db, boss)
  stopWorker = await startWorker(testApp)
})
afterAll(async () => {
  await stopWorker()
  await smtp.close()
  await database.drop()
})

const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email))

const invite = (email: string, role = 'analyst') =>
  postForm(admin, paths.manage.officers, paths.manage.officers, { email, role })

const resend = (email: string) =>
  postForm(admin, paths.manage.officers, paths.manage.officerInvitationResend, { email })

const invitationRows = () =>
  database.db.query<{ email: string; invited_at: Date; accepted_at: Date | null }>(
    'SELECT email, invited_at, accepted_at FROM officer_invitations WHERE organisation_id = $1 ORDER BY email',
    [organisation.id],
  )

/** Follows an emailed link as a person would: opens it, then presses "Sign in". */
async function accept(link: string) {
  const path = new URL(link).pathname
  const person = request.agent(testApp.app)
  const page = await person.get(path)
  if (page.status !== 200) return { page, done: page, person }
  const done = await person
    .post(paths.signIn.linkAction)
    .type('form')
    .send({ token: path.split('/').at(-1), _csrf: csrfTokenIn(page.text) })
  return { page, done, person }
}

describe('an officer invitation', () => {
  it('is an invitation email saying who invited them, to what, what the role can do and how to accept', async () => {
    expect((await invite('newcomer@council.example')).status).toBe(303)
    await waitForEmailJobs(database.db)
    const [mail] = mailsTo('newcomer@council.example')
    expect(mail?.subject).toBe(`You have been invited to Heard by Council ${organisation.slug}`)
    expect(mail?.text).toContain(
      `You have been invited to Heard by boss@council.example at Council ${organisation.slug}.`,
    )
    expect(mail?.text).toContain('Your role is Analyst: runs surveys, sees and downloads results.')
    expect(mail?.text).toContain('To accept, open this link and press "Sign in":')
    expect(mail?.text).not.toContain('15 minutes')
    const until = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long' }).format(
      new Date(Date.now() + 7 * 24 * 3_600_000),
    )
    expect(mail?.text).toContain(`The link works once, until ${until}.`)
    expect(linkIn(mail?.text ?? '')).toBeDefined()
  })

  it('has a link that works for the configured days (7 unless set), not 15 minutes', async () => {
    const [link] = await database.db.query<{ lasts: number }>(
      `SELECT extract(epoch FROM (l.expires_at - l.created_at))::integer AS lasts
         FROM sign_in_links l JOIN officers o ON o.organisation_id = l.organisation_id AND o.id = l.officer_id
        WHERE o.email = 'newcomer@council.example'`,
    )
    expect(link?.lasts).toBe(7 * 24 * 3600)
    expect(testApp.config.officerInvitationDays).toBe(7)
    expect(loadConfig({ OFFICER_INVITATION_DAYS: '3' }).officerInvitationDays).toBe(3)
    expect(() => loadConfig({ OFFICER_INVITATION_DAYS: '0' })).toThrow()
  })

  it('once accepted, moves them to officers and later sign-ins are the usual short-lived links', async () => {
    const link = linkIn(mailsTo('newcomer@council.example')[0]?.text ?? '') ?? ''
    const { done } = await accept(link)
    expect(done.status).toBe(303)
    expect(
      (await invitationRows()).find((row) => row.email === 'newcomer@council.example')?.accepted_at,
    ).not.toBeNull()
    const reused = await accept(link)
    expect(reused.page.status).toBe(410)

    const asked = await postForm(request.agent(testApp.app), paths.signIn.request, paths.signIn.request, {
      email: 'newcomer@council.example',
    })
    expect(asked.status).toBe(200)
    await waitForEmailJobs(database.db)
    const signIn = mailsTo('newcomer@council.example').at(-1)
    expect(signIn?.subject).toBe('Your sign-in link for Heard')
    expect(signIn?.text).toContain('expires in 15 minutes')
  })

  it('shows until when each invitation works, and that an old one has expired', async () => {
    expect((await invite('late@council.example', 'viewer')).status).toBe(303)
    await waitForEmailJobs(database.db)
    const fresh = await admin.get(paths.manage.officers)
    expect(fresh.text).toContain('Works until')
    await database.db.query(
      `UPDATE officer_invitations SET invited_at = now() - interval '8 days' WHERE email = 'late@council.example'`,
    )
    await database.db.query(
      `UPDATE sign_in_links SET expires_at = now() - interval '1 day'
        WHERE officer_id = (SELECT id FROM officers WHERE email = 'late@council.example')`,
    )
    const page = await admin.get(paths.manage.officers)
    expect(page.text).toMatch(/late@council\.example<\/th>[\s\S]*?Expired on /)
    const expiredLink = await accept(linkIn(mailsTo('late@council.example')[0]?.text ?? '') ?? '')
    expect(expiredLink.page.status).toBe(410)
    expect(expiredLink.page.text).toContain('ask the person who invited you to send it again')
  })

  it('can be sent again when expired: a new link, audited, and the list says it works again', async () => {
    const sent = await resend('late@council.example')
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(paths.manage.officers)
    await waitForEmailJobs(database.db)
    const mails = mailsTo('late@council.example')
    expect(mails).toHaveLength(2)
    expect(mails[1]?.subject).toBe(`You have been invited to Heard by Council ${organisation.slug}`)
    const page = await admin.get(paths.manage.officers)
    expect(page.text).toMatch(/late@council\.example<\/th>[\s\S]*?Works until /)
    const { done } = await accept(linkIn(mails[1]?.text ?? '') ?? '')
    expect(done.status).toBe(303)
    const [audit] = await database.db.query<{ subject: string }>(
      `SELECT subject FROM audit_events WHERE action = 'officer-invitation-resent'`,
    )
    expect(audit?.subject).toBe('late@council.example')
  })

  it('refuses to re-send what is not a pending invitation here (404), without CSRF (403), or for a non-admin (403)', async () => {
    expect((await resend('nobody@council.example')).status).toBe(404)
    expect((await resend('newcomer@council.example')).status).toBe(404)
    expect((await resend('not an address')).status).toBe(404)
    const noToken = await admin
      .post(paths.manage.officerInvitationResend)
      .type('form')
      .send({ email: 'late@council.example' })
    expect(noToken.status).toBe(403)
    const analyst = await signedInAs(testApp.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    const page = await analyst.get(paths.manage.surveys)
    const refused = await analyst
      .post(paths.manage.officerInvitationResend)
      .type('form')
      .send({ email: 'late@council.example', _csrf: csrfTokenIn(page.text) })
    expect(refused.status).toBe(403)
  })
})

describe('re-inviting someone already in this organisation', () => {
  it('says they are already invited and offers to send it again, blaming no other organisation', async () => {
    expect((await invite('pending@council.example')).status).toBe(303)
    await waitForEmailJobs(database.db)
    const before = await invitationRows()
    const again = await invite('pending@council.example', 'viewer')
    expect(again.status).toBe(400)
    expect(again.text).toContain('You have already invited this address. Use &#34;Send again&#34;')
    expect(again.text).not.toContain('another organisation')
    expect(again.text).toContain('value="pending@council.example"')
    expect(again.text).toMatch(/pending@council\.example<\/th>[\s\S]*?Send again/)
    expect(await invitationRows()).toEqual(before)
    await waitForEmailJobs(database.db)
    expect(mailsTo('pending@council.example')).toHaveLength(1)
  })

  it('says an officer who has accepted is already an officer here, who can sign in', async () => {
    const again = await invite('newcomer@council.example', 'viewer')
    expect(again.status).toBe(400)
    expect(again.text).toContain('This address already belongs to an officer in your organisation')
    expect(again.text).not.toContain('another organisation')
    const [row] = await database.db.query<{ role: string }>(
      `SELECT role FROM officers WHERE email = 'newcomer@council.example'`,
    )
    expect(row?.role).toBe('analyst')
  })
})

describe("an address that is another council's officer", () => {
  const withoutAddress = (html: string, email: string) =>
    html
      .split(email)
      .join('ADDRESS')
      .replace(/name="_csrf" value="[^"]+"/g, '')
  const rowOf = (html: string, email: string) =>
    withoutAddress(
      (html.split('<tr').find((row) => row.includes(email)) ?? '').split('</tr>')[0] ?? '',
      email,
    )

  it('is answered exactly as a new address: invite, list row, re-send and re-invite', async () => {
    const other = await insertOrganisation(database.db)
    await addOfficer(database.db, other.id, 'admin', 'theirs@elsewhere.example')
    const elsewhere = await invite('theirs@elsewhere.example', 'viewer')
    const nobody = await invite('stranger@nowhere.example', 'viewer')
    expect([elsewhere.status, elsewhere.headers.location]).toEqual([nobody.status, nobody.headers.location])
    expect(elsewhere.text).toBe(nobody.text)

    const list = await admin.get(paths.manage.officers)
    expect(rowOf(list.text, 'theirs@elsewhere.example')).toContain('Works until')
    expect(rowOf(list.text, 'theirs@elsewhere.example')).toBe(rowOf(list.text, 'stranger@nowhere.example'))
    expect(list.text).not.toContain(other.slug)

    // Sent before sending again: two sendings still waiting in the queue make one email, not two.
    await waitForEmailJobs(database.db)
    const resentElsewhere = await resend('theirs@elsewhere.example')
    const resentNobody = await resend('stranger@nowhere.example')
    expect([resentElsewhere.status, resentElsewhere.headers.location]).toEqual([303, paths.manage.officers])
    expect(resentElsewhere.text).toBe(resentNobody.text)

    const againElsewhere = await invite('theirs@elsewhere.example')
    const againNobody = await invite('stranger@nowhere.example')
    expect(againElsewhere.status).toBe(400)
    // Each page keeps its own typed address; with both addresses blanked out, they are the same.
    const blanked = (html: string) =>
      withoutAddress(withoutAddress(html, 'theirs@elsewhere.example'), 'stranger@nowhere.example')
    expect(blanked(againElsewhere.text)).toBe(blanked(againNobody.text))
    expect(againElsewhere.text).toContain('You have already invited this address')
  })

  it('emails the holder that someone tried, once per sending, with no link; the new person is invited', async () => {
    await waitForEmailJobs(database.db)
    const told = mailsTo('theirs@elsewhere.example')
    expect(told.map((mail) => mail.subject)).toEqual([
      'Someone tried to add you to Heard',
      'Someone tried to add you to Heard',
    ])
    expect(told.every((mail) => linkIn(mail.text) === undefined)).toBe(true)
    expect(mailsTo('stranger@nowhere.example').map((mail) => mail.subject)).toEqual([
      `You have been invited to Heard by Council ${organisation.slug}`,
      `You have been invited to Heard by Council ${organisation.slug}`,
    ])
  })
})
