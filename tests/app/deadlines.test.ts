import { Writable } from 'node:stream'
import express from 'express'
import pg from 'pg'
import request from 'supertest'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { isDatabaseUnavailable } from '../../server/db/unavailableErrors'
import { createTranslator } from '../../server/i18n/translator'
import { createLogger } from '../../server/logger'
import { errorHandler } from '../../server/middleware/errorHandler'
import { createErrorPage } from '../../server/middleware/errorPage'
import { requestDeadline } from '../../server/middleware/requestDeadline'
import { setUpRequestLogging } from '../../server/middleware/setUpRequestLogging'
import { fromRoot } from '../../server/projectRoot'
import { paths } from '../../server/paths'
import { countRows, insertOrganisation, insertSurvey } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

const whatINeedAnswers = {
  'listened-to': 'very-important',
  healthiest: 'important',
  safe: 'very-important',
  'accepted-valued': 'dont-know',
  'prepared-future': 'not-important',
  'enjoy-life': 'very-important',
  'life-better': 'A quiet room',
  'age-group': '12-15',
  helper: 'parent-carer',
}

interface Held {
  /** Gives the table (PostgreSQL) or the only connection (PGlite) back. */
  release(): Promise<void>
}

/**
 * Holds `responses` the way a long migration or a stuck transaction would. On PostgreSQL another
 * client takes an exclusive lock; the embedded database has one connection, so a transaction that
 * does not finish holds all of it.
 */
async function holdResponses(database: TestDatabase): Promise<Held> {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const url = new URL(serverUrl)
    url.pathname = `/${String((await database.db.query<{ name: string }>('SELECT current_database() AS name'))[0]?.name)}`
    const locker = new pg.Client({ connectionString: url.toString() })
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE responses IN ACCESS EXCLUSIVE MODE')
    return {
      async release() {
        await locker.query('ROLLBACK')
        await locker.end()
      },
    }
  }
  let letGo: () => void = () => undefined
  const letGoSignal = new Promise<void>((resolve) => (letGo = resolve))
  let taken: () => void = () => undefined
  const takenSignal = new Promise<void>((resolve) => (taken = resolve))
  const transaction = database.db.transaction(async (tx) => {
    await tx.query('LOCK TABLE responses IN ACCESS EXCLUSIVE MODE')
    taken()
    await letGoSignal
  })
  await takenSignal
  return {
    async release() {
      letGo()
      await transaction
    },
  }
}

/** Waits until PostgreSQL shows this many sessions queued behind the lock on `responses`. */
async function waitersOnResponses(db: Database, atLeast: number): Promise<void> {
  for (;;) {
    const rows = await db.query<{ waiting: number }>(
      `SELECT count(*)::integer AS waiting FROM pg_locks WHERE relation = 'responses'::regclass AND NOT granted`,
    )
    if ((rows[0]?.waiting ?? 0) >= atLeast) return
    await new Promise((resolve) => setImmediate(resolve))
  }
}

async function readyToSend(testApp: TestApp, organisation: string, count: number): Promise<Respondent[]> {
  const respondents: Respondent[] = []
  for (let index = 0; index < count; index += 1) {
    const respondent = new Respondent(testApp.app, organisation, 'what-i-need')
    await respondent.begin()
    await respondent.answerAll(whatINeedAnswers)
    await respondent.get(paths.respond.checkAnswers(organisation, 'what-i-need'))
    respondents.push(respondent)
  }
  return respondents
}

function expectAnswersSavedPage(response: request.Response): void {
  expect(response.status).toBe(503)
  expect(response.headers['retry-after']).toBe('60')
  expect(response.headers['cache-control']).toBe('no-store')
  expect(response.text).toContain('Your answers are saved')
  expect(response.text).toContain('The answer on the page you just sent may not be saved')
  expect(response.text).not.toMatch(/Error:|at [A-Za-z.]+ \(|\.ts:\d+|PGlite|lock|timeout/i)
}

const onPostgres = Boolean(process.env.DATABASE_URL)

describe('a table held by someone else', () => {
  let database: TestDatabase
  let organisation: { id: string; slug: string }

  beforeAll(async () => {
    database = await openTestDatabase()
    organisation = await insertOrganisation(database.db)
    await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  })
  afterAll(() => database.drop())

  const sendAll = (respondents: Respondent[]) =>
    respondents.map((respondent) => respondent.post(paths.respond.submit(organisation.slug, 'what-i-need')))

  it(
    onPostgres
      ? 'PostgreSQL: 12 respondents sending at once wait at most the lock timeout, get the answers-saved page and keep their drafts, while /healthz and public pages answer'
      : 'PGlite: with its one connection held, respondents get the answers-saved page at the request deadline, /healthz says 503 within its own, and every answer is stored once',
    async () => {
      const testApp = await buildTestApp(database.db, { requestTimeoutMs: onPostgres ? 20_000 : 1_000 })
      const respondents = await readyToSend(testApp, organisation.slug, onPostgres ? 12 : 3)
      const draftsBefore = await countRows(database.db, 'drafts')
      const held = await holdResponses(database)
      const sending = sendAll(respondents)

      if (onPostgres) {
        // Pool 10, reserve 3: seven respondents wait on the lock; five wait in line for a turn.
        await waitersOnResponses(database.db, 7)
        const health = await request(testApp.app).get('/healthz')
        expect(health.status).toBe(200)
        const scorecards = await request(testApp.app).get(paths.publicScorecards.list(organisation.slug))
        expect(scorecards.status).toBe(200)
        const pages = await Promise.all(sending)
        for (const page of pages) expectAnswersSavedPage(page)
        await held.release()
        expect(await countRows(database.db, 'responses')).toBe(0)
        expect(await countRows(database.db, 'drafts')).toBe(draftsBefore)
      } else {
        const health = await request(testApp.app).get('/healthz')
        expect(health.status).toBe(503)
        const scorecards = await request(testApp.app).get(paths.publicScorecards.list(organisation.slug))
        expect(scorecards.status).toBe(503)
        expect(scorecards.headers['retry-after']).toBe('60')
        expect(scorecards.text).toContain('Sorry, the service is busy')
        const pages = await Promise.all(sending)
        for (const page of pages) expectAnswersSavedPage(page)
        await held.release()
      }

      // Trying again carries on from the draft: every respondent reaches the thank-you page, once.
      for (const respondent of respondents) {
        const again = await respondent.send()
        expect(again.status).toBe(303)
        expect(again.headers.location).toBe(paths.respond.confirmation(organisation.slug, 'what-i-need'))
        expect((await respondent.confirmation()).status).toBe(200)
      }
      expect(await countRows(database.db, 'responses')).toBe(respondents.length)
      const logged = testApp.logLines.map(
        (line) => JSON.parse(line) as { msg: string; status?: number; requestId?: string },
      )
      const refused = logged.filter((line) => line.msg === 'request' && line.status === 503)
      expect(refused.length).toBeGreaterThanOrEqual(respondents.length)
      expect(logged.some((line) => line.msg === 'error after the response started')).toBe(false)
      await database.db.query('DELETE FROM responses')
    },
  )
})

describe('each connection’s own time limits', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase()
  })
  afterAll(() => database.drop())

  it(
    onPostgres
      ? 'PostgreSQL: every pooled connection opens with statement_timeout and lock_timeout, and a statement over it is cancelled and counts as "try again"'
      : 'PGlite: accepts statement_timeout but does not enforce it (no timers in WebAssembly), so the request deadline is what bounds a request',
    async () => {
      if (onPostgres) {
        const settings = await database.db.query<{ statement: string; lock: string }>(
          `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`,
        )
        expect(settings[0]).toEqual({ statement: '15s', lock: '3s' })
        const url = new URL(String(process.env.DATABASE_URL))
        url.pathname = `/${String((await database.db.query<{ name: string }>('SELECT current_database() AS name'))[0]?.name)}`
        const strict = connectPostgres(url.toString(), {
          size: 1,
          statementTimeoutMs: 100,
          lockTimeoutMs: 50,
        })
        try {
          const cancelled = await strict.query('SELECT pg_sleep(2)').catch((error: unknown) => error)
          expect((cancelled as { code?: string }).code).toBe('57014')
          expect(isDatabaseUnavailable(cancelled)).toBe(true)
        } finally {
          await strict.close()
        }
      } else {
        await database.db.transaction(async (tx) => {
          await tx.query(`SET LOCAL statement_timeout = '10ms'`)
          const slept = await tx.query<{ done: number }>(
            'SELECT 1 AS done FROM (SELECT pg_sleep(0.2)) AS slept',
          )
          expect(slept).toEqual([{ done: 1 }])
        })
      }
    },
  )
})

describe('a route that answers after its deadline', () => {
  it('gives the busy page at the deadline and drops the late answer without an error', async () => {
    const logLines: string[] = []
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString())
          done()
        },
      }),
    )
    const app = express()
    app.set('view engine', 'ejs')
    app.set('views', fromRoot('views'))
    setUpRequestLogging(app, logger)
    const translatorFor = await createTranslator()
    app.use(requestDeadline({ timeoutMs: 50, errorPage: createErrorPage(translatorFor) }))
    let letGo: () => void = () => undefined
    const late = new Promise<void>((resolve) => (letGo = resolve))
    let lateAnswer: Promise<string> = Promise.resolve('not reached')
    app.get('/manage/slow', (_req, res) => {
      lateAnswer = late.then(() => {
        res.cookie('late', 'yes').redirect(303, '/manage')
        return 'answered without error'
      })
    })
    app.use(errorHandler(translatorFor))

    const response = await request(app).get('/manage/slow')
    expect(response.status).toBe(503)
    expect(response.headers['retry-after']).toBe('60')
    expect(response.text).toContain('Sorry, the service is busy')
    letGo()
    expect(await lateAnswer).toBe('answered without error')
    const logged = logLines.map((line) => JSON.parse(line) as { msg: string; status?: number })
    expect(logged.filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ status: 503 }),
    ])
    expect(logged.some((line) => line.msg === 'error after the response started')).toBe(false)
  })
})
