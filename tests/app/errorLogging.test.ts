import net from 'node:net'
import request from 'supertest'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase } from '../helpers/testDatabase'

interface LogLine {
  level: number
  msg: string
  requestId?: string
  status?: number
  aborted?: boolean
  err?: { message?: string; stack?: string }
}

const parse = (lines: string[]): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine)

/** Waits for a log line written after the response reached the client (errors at res.end are). */
async function logLineOnceWritten(lines: string[], matches: (line: LogLine) => boolean): Promise<LogLine> {
  for (;;) {
    const found = parse(lines).find(matches)
    if (found) return found
    await new Promise((resolve) => setImmediate(resolve))
  }
}

// The disk filling up under the sessions table: reads work, every write fails (53100 disk_full).
const refuseSessionWrites = `
  CREATE FUNCTION refuse_session_writes() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$;
  CREATE TRIGGER sessions_disk_full BEFORE INSERT OR UPDATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_session_writes();`

describe('a session that cannot be written', () => {
  it('gives the officer signing in the busy page (503, Retry-After), not a redirect and a reset connection, and logs it with the request id', async () => {
    const database = await openTestDatabase()
    try {
      const organisation = await insertOrganisation(database.db)
      const officer = await addOfficer(database.db, organisation.id, 'admin')
      const testApp = await buildTestApp(database.db)
      const agent = request.agent(testApp.app)
      const token = await createSignInLink(database.db, officer)
      const page = await agent.get(paths.signIn.link(token))
      await database.db.exec(refuseSessionWrites)

      const signedIn = await agent
        .post(paths.signIn.linkAction)
        .type('form')
        .send({ token, _csrf: csrfTokenIn(page.text) })
      expect(signedIn.status).toBe(503)
      expect(signedIn.headers['retry-after']).toBe('60')
      expect(signedIn.headers.location).toBeUndefined()
      expect(signedIn.text).toContain('Sorry, the service is busy')
      expect(signedIn.text).not.toMatch(/No space|53100|Error:/)

      const requestId = String(signedIn.headers['x-request-id'])
      const logged = parse(testApp.logLines).filter((line) => line.requestId === requestId)
      expect(logged.find((line) => line.msg === 'session could not be saved')?.err?.message).toContain(
        'No space left on device',
      )
      expect(logged.find((line) => line.msg === 'request')).toMatchObject({ status: 503 })
      // A database error carries its parameters: the session, with the officer's email, stays out.
      expect(testApp.logLines.join('\n')).not.toContain(token)
      expect(testApp.logLines.join('\n')).not.toContain(officer.email)
    } finally {
      await database.drop()
    }
  })

  it('still lets a page already sent reach the browser when only moving the expiry on fails, and logs the error with the request id', async () => {
    const database = await openTestDatabase()
    try {
      const organisation = await insertOrganisation(database.db)
      const officer = await addOfficer(database.db, organisation.id, 'admin')
      const testApp = await buildTestApp(database.db)
      const agent = request.agent(testApp.app)
      const token = await createSignInLink(database.db, officer)
      const page = await agent.get(paths.signIn.link(token))
      await agent
        .post(paths.signIn.linkAction)
        .type('form')
        .send({ token, _csrf: csrfTokenIn(page.text) })
      await agent.get(paths.manage.surveys)
      await database.db.exec(refuseSessionWrites)

      const response = await agent.get(paths.signIn.signedOut)
      const requestId = String(response.headers['x-request-id'])
      const failed = await logLineOnceWritten(
        testApp.logLines,
        (line) => line.requestId === requestId && line.level >= 40 && line.err !== undefined,
      )
      expect(failed.err?.message).toContain('No space left on device')
      // Either the session changed and the page says busy, or only its expiry moved and the page
      // went out whole: never a cut connection, and the request line says what was sent.
      expect([200, 503]).toContain(response.status)
      const line = parse(testApp.logLines).find(
        (entry) => entry.requestId === requestId && entry.msg === 'request',
      )
      expect(line?.status).toBe(response.status)
      expect(line?.aborted).toBeUndefined()
    } finally {
      await database.drop()
    }
  })
})

describe('the database gone from under a running server', () => {
  it('gives respondents the answers-saved page and officers and the public the busy page, 503 with Retry-After, each logged with its request id', async () => {
    const database = await openTestDatabase({ onDisk: true })
    try {
      const organisation = await insertOrganisation(database.db)
      await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
      const testApp = await buildTestApp(database.db)
      // The app keeps the closed connection; the test's handle reopens one so it can drop the data.
      await database.restart()

      const respondent = await request(testApp.app).get(paths.respond.start(organisation.slug, 'what-i-need'))
      expect(respondent.status).toBe(503)
      expect(respondent.headers['retry-after']).toBe('60')
      expect(respondent.text).toContain('Your answers are saved')
      const publicPage = await request(testApp.app).get(paths.publicScorecards.list(organisation.slug))
      expect(publicPage.status).toBe(503)
      expect(publicPage.text).toContain('Sorry, the service is busy')
      const health = await request(testApp.app).get('/healthz')
      expect(health.status).toBe(503)

      for (const response of [respondent, publicPage]) {
        const requestId = String(response.headers['x-request-id'])
        const lines = parse(testApp.logLines).filter((line) => line.requestId === requestId)
        expect(lines.find((line) => line.msg === 'service unavailable')?.err?.stack).toBeDefined()
        expect(lines.find((line) => line.msg === 'request')).toMatchObject({ status: 503 })
      }
    } finally {
      await database.drop()
    }
  })
})

describe('a client that goes away before the answer', () => {
  it('is logged as aborted, with no status, rather than as the status it never got', async () => {
    const database = await openTestDatabase()
    try {
      const testApp = await buildTestApp(database.db, { requestTimeoutMs: 60_000 })
      const server = testApp.app.listen(0, '127.0.0.1')
      await new Promise((resolve) => server.once('listening', resolve))
      const address = server.address()
      if (!address || typeof address === 'string') throw new Error('No port')
      // A request whose body never finishes: the route cannot answer before the client gives up.
      const socket = net.connect(address.port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write(
        'POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=',
      )
      const logged = logLineOnceWritten(
        testApp.logLines,
        (line) => line.msg === 'request' && line.aborted === true,
      )
      await new Promise((resolve) => setImmediate(resolve))
      socket.destroy()
      const line = await logged
      expect(line.status).toBeUndefined()
      await new Promise((resolve) => server.close(resolve))
    } finally {
      await database.drop()
    }
  })
})
