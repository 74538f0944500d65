import type { Express } from 'express'
import { paths } from '../../server/paths'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs } from '../helpers/officers'
import { importanceQuestions, startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { Browser, countIn, FakeClock, limitsConfig, limitsOn, whatINeedAnswers } from './limitsHelpers'

/**
 * The proof that one laptop cannot move a published figure. Limits are on with the defaults a server
 * has without settings; time is a fake clock the test moves, so the proof does not depend on how fast
 * this machine is.
 *
 * The bound: from one address, a response is counted only if it took as long as reading the pages
 * (RESPONSE_MIN_SECONDS_PER_QUESTION x questions), was no more than the RESPONSE_BURST_SUBMITS-th in
 * RESPONSE_BURST_SECONDS, and was no more than the RESPONSE_REPEATED_ANSWERS-th copy of its answers in
 * that time. So a script that sends its whole burst within one burst window can add at most
 * RESPONSE_BURST_SUBMITS (10) to any count, and only by waiting as long as a reader for each; one that
 * does not wait adds none.
 */
// About 2,500 requests through the whole application: slow on a busy machine, whatever the fake clock says.
const limits = limitsOn()
type Answers = ReturnType<typeof whatINeedAnswers>
const bound = limits.burstSubmits
const questions = [...importanceQuestions, 'life-better', 'age-group', 'helper'] as const

let database: TestDatabase
let app: Express
const time = new FakeClock()
let organisationId = ''
let surveyId = ''
let survey = { organisation: '', slug: 'what-i-need' }

beforeAll(async () => {
  database = await openTestDatabase()
  app = (await buildTestApp(database.db, limitsConfig(), { clock: time.clock })).app
  const organisation = await insertOrganisation(database.db)
  organisationId = organisation.id
  surveyId = (await insertSurvey(database.db, { organisationId, template: 'what-i-need' })).surveyId
  survey = { organisation: organisation.slug, slug: 'what-i-need' }
  const analyst = await signedInAs(app, database.db, { organisationId, role: 'analyst' })
  await startFrameworkFromTemplate(analyst)
})
afterAll(() => database.drop())

/** What the results and the scorecards count: responses, and the "listened to" indicator's facts. */
async function countedFigures() {
  await recomputeFacts(database.db, organisationId)
  const facts = await database.db.query<{ period: string; numerator: number; denominator: number }>(
    `SELECT f.period, f.numerator, f.denominator FROM indicator_facts f
       JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
      WHERE f.organisation_id = $1 AND f.part = '' AND i.counting -> 'questions' = '["listened-to"]'::jsonb`,
    [organisationId],
  )
  const [responses] = await database.db.query<{ count: number }>(
    'SELECT count(*)::integer AS count FROM responses WHERE organisation_id = $1 AND survey_id = $2',
    [organisationId, surveyId],
  )
  return { responses: responses?.count ?? 0, facts: new Map(facts.map((fact) => [fact.period, fact])) }
}

/** One person at one address, at human speed: `seconds` reading each page before answering it. */
function classmate(index: number, address: string) {
  const browser = new Browser(app, survey, address)
  const answers = whatINeedAnswers(index < 3 ? 0 : index)
  const steps: (() => Promise<unknown>)[] = [
    () => browser.start(),
    ...questions.map((question) => () => browser.answer(question, answers[question])),
    () => browser.send(),
  ]
  return { browser, steps, firstAt: 8 * index, secondsPerPage: 20 + ((7 * index) % 17) }
}

describe('counts that nobody can skew', () => {
  it('a script sending 100 responses as fast as it can moves no figure; 30 pupils behind one address are all counted', async () => {
    const before = await countedFigures()

    // The script: a fresh cookie jar for every response, one address, 40 ms a request, pushing one answer.
    const scriptAnswers: Answers = { ...whatINeedAnswers(1), 'listened-to': 'not-important' }
    const statuses = { started: 0, refusedAtStart: 0, sent: 0, refusedAtSend: 0 }
    for (let response = 0; response < 100; response += 1) {
      const bot = new Browser(app, survey, '203.0.113.66', () => {
        time.advance(0.04)
      })
      const start = await bot.start()
      if (start.status === 429) {
        statuses.refusedAtStart += 1
        expect(start.headers['retry-after']).toMatch(/^\d+$/)
        continue
      }
      expect(start.status).toBe(303)
      statuses.started += 1
      for (const question of questions) {
        const answered = await bot.answer(question, scriptAnswers[question])
        expect(answered.status).toBe(303)
      }
      const sent = await bot.send()
      if (sent.status === 429) statuses.refusedAtSend += 1
      else {
        expect(sent.status).toBe(303)
        // The script is told what a person is told: thank you, and a reference.
        expect(await bot.reference()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
        statuses.sent += 1
      }
    }
    expect(statuses).toEqual({
      started: limits.startsPerWindow,
      refusedAtStart: 100 - limits.startsPerWindow,
      sent: limits.submitsPerWindow,
      refusedAtSend: limits.startsPerWindow - limits.submitsPerWindow,
    })

    const afterScript = await countedFigures()
    const moved = afterScript.responses - before.responses
    expect(moved).toBeLessThanOrEqual(bound)
    expect(moved).toBe(0)
    for (const [period, fact] of afterScript.facts) {
      const earlier = before.facts.get(period) ?? { numerator: 0, denominator: 0 }
      expect(Math.abs(fact.denominator - earlier.denominator)).toBeLessThanOrEqual(bound)
      expect(Math.abs(fact.numerator - earlier.numerator)).toBeLessThanOrEqual(bound)
    }
    // Nothing sent was lost: every response the script got a reference for is held for review.
    expect(await countIn(database.db, 'held_responses')).toBe(statuses.sent)

    // A class of 30 behind one school address: each starts within 4 minutes, reads each page for 20
    // to 36 seconds, and all have sent within 10 minutes of the first starting.
    const classStarted = time.clock().getTime()
    const pupils = Array.from({ length: 30 }, (_, index) => classmate(index, '198.51.100.30'))
    const events = pupils
      .flatMap((pupil) =>
        pupil.steps.map((step, position) => ({ at: pupil.firstAt + position * pupil.secondsPerPage, step })),
      )
      .sort((a, b) => a.at - b.at)
    for (const event of events) {
      time.set(new Date(classStarted + event.at * 1000))
      const response = (await event.step()) as { status: number }
      expect(response.status).toBe(303)
    }
    expect(time.clock().getTime() - classStarted).toBeLessThan(10 * 60_000)
    const references = await Promise.all(pupils.map((pupil) => pupil.browser.reference()))
    expect(new Set(references).size).toBe(30)

    const afterClass = await countedFigures()
    expect(afterClass.responses).toBe(afterScript.responses + 30)
    const [counted] = await database.db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM responses WHERE reference = ANY ($1::text[])',
      [references],
    )
    expect(counted?.count).toBe(30)
    const classFacts = [...afterClass.facts.values()].reduce((sum, fact) => sum + fact.denominator, 0)
    const scriptFacts = [...afterScript.facts.values()].reduce((sum, fact) => sum + fact.denominator, 0)
    // Every pupil but those who said "I don't know" is in the indicator's denominator.
    const knew = pupils.filter(
      (_, index) => whatINeedAnswers(index < 3 ? 0 : index)['listened-to'] !== 'dont-know',
    )
    expect(classFacts - scriptFacts).toBe(knew.length)

    // The results page an officer reads says what is held, and why.
    const officer = await signedInAs(app, database.db, { organisationId, role: 'viewer' })
    const page = await officer.get(paths.manage.results('what-i-need'))
    expect(page.text).toContain(`${String(statuses.sent)} responses in this selection are held for review`)
    expect(page.text).toContain('Sent faster than anyone could read the questions: 40')
  }, 300_000)

  it('a patient script, waiting as long as a reader on 40 browsers at once, gets no more than one burst counted', async () => {
    time.advance(60 * 60)
    const sendingFrom = time.clock()
    const before = await countedFigures()
    const heldBefore = await countIn(database.db, 'held_responses')
    const browsers = Array.from(
      { length: limits.submitsPerWindow },
      () => new Browser(app, survey, '203.0.113.99'),
    )
    for (const [index, browser] of browsers.entries()) {
      expect((await browser.start()).status).toBe(303)
      const answers: Answers = { ...whatINeedAnswers(index), 'listened-to': 'not-important' }
      for (const question of questions)
        expect((await browser.answer(question, answers[question])).status).toBe(303)
    }
    // Long enough for a person to read every page of every draft; then all are sent, a second apart.
    time.advance(limits.minSecondsPerQuestion * questions.length + 1)
    for (const browser of browsers) {
      time.advance(1)
      expect((await browser.send()).status).toBe(303)
    }
    const after = await countedFigures()
    expect(after.responses - before.responses).toBe(bound)
    expect(await countIn(database.db, 'held_responses')).toBe(heldBefore + browsers.length - bound)
    const held = await database.db.query<{ hold_reasons: string[] }>(
      'SELECT hold_reasons FROM held_responses WHERE held_at > $1',
      [sendingFrom],
    )
    expect(held).toHaveLength(browsers.length - bound)
    for (const row of held) expect(row.hold_reasons).toContain('burst')
  }, 300_000)
})
