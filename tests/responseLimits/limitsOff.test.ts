import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { Browser, countIn, FakeClock, limitsOn, whatINeedAnswers } from './limitsHelpers'

let database: TestDatabase

beforeAll(async () => {
  database = await openTestDatabase()
})
afterAll(() => database.drop())

describe('RESPONSE_LIMITS=off, for load tests', () => {
  it('stores all of 100 responses sent as fast as possible from one address as counted, and records no activity', async () => {
    const time = new FakeClock()
    const config = { trustProxy: true, responseLimits: { ...limitsOn(), enabled: false } }
    const { app } = await buildTestApp(database.db, config, { clock: time.clock })
    const organisation = await insertOrganisation(database.db)
    await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
    const answers = whatINeedAnswers(1)
    for (let response = 0; response < 100; response += 1) {
      const script = new Browser(app, { organisation: organisation.slug, slug: 'what-i-need' }, '203.0.113.7')
      expect((await script.start()).status).toBe(303)
      for (const [question, answer] of Object.entries(answers))
        expect((await script.answer(question, answer)).status).toBe(303)
      expect((await script.send()).status).toBe(303)
    }
    expect(await countIn(database.db, 'responses')).toBe(100)
    expect(await countIn(database.db, 'held_responses')).toBe(0)
    expect(await countIn(database.db, 'response_activity')).toBe(0)
  }, 300_000)
})
