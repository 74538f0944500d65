import fs from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import request from 'supertest'
import { loadConfig } from '../../server/config'
import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { linkIn, startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { waitForEmailJobs } from './signInJobs'

let database: TestDatabase
let officer: Awaited<ReturnType<typeof addOfficer>>

beforeAll(async () => {
  database = await openTestDatabase()
  const organisation = await insertOrganisation(database.db)
  officer = await addOfficer(database.db, organisation.id, 'admin')
})
afterAll(async () => {
  await database.drop()
})

// Anything shaped like a sign-in token (43 base64url characters standing alone).
const tokenShaped = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/

const expectNoToken = (testApp: TestApp, tokens: string[]) => {
  expect(testApp.logLines.length).toBeGreaterThan(0)
  for (const line of testApp.logLines) {
    for (const token of tokens) expect(line).not.toContain(token)
    expect(line).not.toMatch(tokenShaped)
  }
}

/** Asks for a link, opens it, presses the button, and tries a few bad and odd paths with the token. */
async function signInThrough(testApp: TestApp, linkFor: () => Promise<string>): Promise<string> {
  const agent = request.agent(testApp.app)
  const form = await agent.get(paths.signIn.request)
  await agent
    .post(paths.signIn.request)
    .type('form')
    .send({ email: officer.email, _csrf: csrfTokenIn(form.text) })
  await waitForEmailJobs(database.db)
  const link = new URL(await linkFor()).pathname
  const token = link.split('/').at(-1) ?? ''
  await agent.get(`${link}/more`) // no such route: logged by a path with the token blanked
  await agent.get(`${paths.signIn.request}?token=${token}`) // query strings are never logged
  const page = await agent.get(link)
  const pressed = await agent
    .post(paths.signIn.linkAction)
    .type('form')
    .send({ token, _csrf: csrfTokenIn(page.text) })
  expect(pressed.status).toBe(303)
  expect((await agent.get(link)).status).toBe(410) // a spent link, logged by its route pattern
  return token
}

describe('sign-in tokens never reach the log', () => {
  it('with SMTP: asking, the worker sending, opening, signing in and misusing the link', async () => {
    const smtp = await startSmtpServer()
    const testApp = await buildTestApp(database.db, {
      mail: { ...loadConfig({ NODE_ENV: 'test' }).mail, smtpUrl: smtp.url },
    })
    const stop = await startWorker(testApp)
    try {
      const token = await signInThrough(testApp, () =>
        Promise.resolve(linkIn(smtp.received[0]?.text ?? '') ?? ''),
      )
      expectNoToken(testApp, [token])
    } finally {
      await stop()
      await smtp.close()
    }
  })

  it('without SMTP: the email goes to the outbox folder, and the log names the file but not its text', async () => {
    const testApp = await buildTestApp(database.db)
    const stop = await startWorker(testApp)
    try {
      const { outboxDir } = testApp.config.mail
      const token = await signInThrough(testApp, async () => {
        const [file] = fs.readdirSync(outboxDir)
        const mail = await simpleParser(fs.readFileSync(path.join(outboxDir, file ?? '')))
        return linkIn(mail.text ?? '') ?? ''
      })
      expectNoToken(testApp, [token])
      expect(testApp.logLines.join('')).toContain('email written to outbox')
    } finally {
      await stop()
    }
  })

  it('when the mail server refuses: the failed job is logged, the token it made is not', async () => {
    const gone = await startSmtpServer()
    await gone.close()
    const testApp = await buildTestApp(database.db, {
      mail: { ...loadConfig({ NODE_ENV: 'test' }).mail, smtpUrl: gone.url },
    })
    const stop = await startWorker(testApp)
    try {
      const agent = request.agent(testApp.app)
      const form = await agent.get(paths.signIn.request)
      await agent
        .post(paths.signIn.request)
        .type('form')
        .send({ email: officer.email, _csrf: csrfTokenIn(form.text) })
      for (let tries = 0; tries < 400 && !testApp.logLines.join('').includes('job failed'); tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect(testApp.logLines.join('')).toContain('job failed')
      expectNoToken(testApp, [])
      expect(testApp.logLines.join('')).not.toContain(officer.email)
    } finally {
      await stop()
    }
    // The link whose email never went was taken back: nothing usable is left behind.
    const usable = await database.db.query(
      `SELECT 1 FROM sign_in_links WHERE officer_id = $1 AND used_at IS NULL AND expires_at > now()`,
      [officer.id],
    )
    expect(usable).toEqual([])
  })
})
