import request from 'supertest'
import { loadConfig } from '../../server/config'
import { paths } from '../../server/paths'
import { countRows, insertOrganisation } from '../helpers/factories'
import { addOfficer, signedInAgent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { linkIn, startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { waitForEmailJobs } from './signInJobs'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let officer: Awaited<ReturnType<typeof addOfficer>>
let stopWorker: () => Promise<void>

beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  const defaults = loadConfig({ NODE_ENV: 'test' })
  testApp = await buildTestApp(database.db, { mail: { ...defaults.mail, smtpUrl: smtp.url } })
  const organisation = await insertOrganisation(database.db)
  officer = await addOfficer(
    database.db,
    organisation.id,
    'analyst',
    'Officer.One@Council.example'.toLowerCase(),
  )
  stopWorker = await startWorker(testApp)
})
afterAll(async () => {
  await stopWorker()
  await smtp.close()
  await database.drop()
})

const askForLink = async (agent: ReturnType<typeof request.agent>, email: string) => {
  const page = await agent.get(paths.signIn.request)
  return agent
    .post(paths.signIn.request)
    .type('form')
    .send({ email, _csrf: csrfTokenIn(page.text) })
}

const waitForMail = async (count: number) => {
  for (let tries = 0; tries < 200 && smtp.received.length < count; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
  return smtp.received
}

describe('signing in by emailed link', () => {
  it('emails a link that opens a page with a button; pressing it signs in with a new session', async () => {
    const agent = request.agent(testApp.app)
    const asked = await askForLink(agent, '  Officer.One@COUNCIL.example ')
    expect(asked.status).toBe(200)
    expect(asked.text).toContain('Check your email')
    const [mail] = await waitForMail(1)
    expect(mail?.to).toContain('officer.one@council.example')
    expect(mail?.subject).toBe('Your sign-in link for Heard')
    const link = linkIn(mail?.text ?? '')
    expect(link).toBeDefined()
    const path = new URL(link ?? '').pathname

    const before = (await agent.get(paths.manage.surveys)).headers.location
    expect(before).toBe(paths.signIn.request)
    const page = await agent.get(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<button type="submit"')
    expect((await agent.get(paths.manage.surveys)).status).toBe(303)

    const sessionBefore = await database.db.query<{ sid: string }>('SELECT sid FROM sessions')
    const signedIn = await agent
      .post(paths.signIn.linkAction)
      .type('form')
      .send({ token: path.split('/').at(-1), _csrf: csrfTokenIn(page.text) })
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.location).toBe(paths.manage.surveys)
    const manage = await agent.get(paths.manage.surveys)
    expect(manage.status).toBe(200)
    expect(manage.text).toContain('officer.one@council.example')
    const sessionAfter = await database.db.query<{ sid: string; data: { officer?: unknown } }>(
      'SELECT sid, data FROM sessions',
    )
    const signedInSession = sessionAfter.find((row) => row.data.officer)
    expect(signedInSession).toBeDefined()
    expect(sessionBefore.map((row) => row.sid)).not.toContain(signedInSession?.sid)

    const events = await database.db.query<{ action: string; actor: string }>(
      'SELECT action, actor FROM audit_events',
    )
    expect(events).toEqual([{ action: 'signed-in', actor: 'officer.one@council.example' }])
  })

  it('keeps only a hash of the token, and logs neither the token nor the address', async () => {
    const rows = await database.db.query<{ token_hash: string }>('SELECT token_hash FROM sign_in_links')
    const token =
      linkIn(smtp.received[0]?.text ?? '')
        ?.split('/')
        .at(-1) ?? ''
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(row.token_hash).not.toBe(token)
    }
    const logs = testApp.logLines.join('\n')
    expect(logs).not.toContain(token)
    expect(logs).not.toContain('officer.one@council.example')
  })

  it('a link works once', async () => {
    const token =
      linkIn(smtp.received[0]?.text ?? '')
        ?.split('/')
        .at(-1) ?? ''
    const agent = request.agent(testApp.app)
    const page = await agent.get(paths.signIn.link(token))
    expect(page.status).toBe(410)
    expect(page.text).toContain('This sign-in link cannot be used')
    const start = await agent.get(paths.signIn.request)
    const again = await agent
      .post(paths.signIn.linkAction)
      .type('form')
      .send({ token, _csrf: csrfTokenIn(start.text) })
    expect(again.status).toBe(410)
    expect((await agent.get(paths.manage.surveys)).status).toBe(303)
  })

  it('a link expires after 15 minutes', async () => {
    const agent = request.agent(testApp.app)
    await askForLink(agent, officer.email)
    const mails = await waitForMail(2)
    const path = new URL(linkIn(mails[1]?.text ?? '') ?? '').pathname
    await database.db.query(
      `UPDATE sign_in_links SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    )
    expect((await agent.get(path)).status).toBe(410)
  })

  it('says the same for an address that is not an officer, and sends nothing', async () => {
    const sent = smtp.received.length
    const agent = request.agent(testApp.app)
    const asked = await askForLink(agent, 'nobody@nowhere.example')
    expect(asked.status).toBe(200)
    expect(asked.text).toContain(
      'If nobody@nowhere.example belongs to an officer, we have sent a sign-in link to it.',
    )
    await waitForEmailJobs(database.db)
    expect(smtp.received.length).toBe(sent)
  })

  it('refuses a badly formed address with 400, the error summary and the input kept, writing nothing', async () => {
    const countRequests = async () =>
      (
        await database.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM sign_in_requests')
      )[0]?.count
    const before = await countRequests()
    const agent = request.agent(testApp.app)
    const asked = await askForLink(agent, 'not-an-address<script>')
    expect(asked.status).toBe(400)
    expect(asked.text).toContain('<a href="#email">Enter an email address in the correct format')
    expect(asked.text).toContain('value="not-an-address&lt;script&gt;"')
    expect(await countRequests()).toBe(before)
    expect(await countRows(database.db, 'responses')).toBe(0)
  })

  it('the emailed link comes from the worker: the request itself sends nothing', async () => {
    const jobs = await database.db.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM pgboss.job WHERE name = 'sign-in-email'`,
    )
    expect(jobs.length).toBeGreaterThan(0)
    // The job names the officer by id; neither the address nor any token is in it.
    for (const job of jobs) {
      expect(Object.keys(job.data).sort()).toEqual(['language', 'officerId', 'organisationId'])
      expect(JSON.stringify(job.data)).not.toContain('@')
    }
  })
})

describe('signing out and idling', () => {
  it('signing out ends the session', async () => {
    const agent = await signedInAgent(testApp.app, database.db, officer)
    const page = await agent.get(paths.manage.surveys)
    expect(page.status).toBe(200)
    const out = await agent
      .post(paths.signIn.signOut)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
    expect(out.headers.location).toBe(paths.signIn.signedOut)
    expect((await agent.get(paths.manage.surveys)).headers.location).toBe(paths.signIn.request)
  })

  it('a session idle for longer than the limit is signed out', async () => {
    const agent = await signedInAgent(testApp.app, database.db, officer)
    await database.db.query(
      `UPDATE sessions SET data = jsonb_set(data, '{officer,lastSeen}', to_jsonb($1::bigint)) WHERE data ? 'officer'`,
      [Date.now() - 31 * 60_000],
    )
    const page = await agent.get(paths.manage.surveys)
    expect(page.headers.location).toBe(`${paths.signIn.request}?expired=1`)
  })
})
