import type { Express } from 'express'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { Browser, FakeClock, limitsConfig, whatINeedAnswers } from './limitsHelpers'

/** Small limits, so each rule is reached in a few requests: 3 starts and 2 sends per address in 10 minutes, a burst of 3 sends a minute. */
export const small = { startsPerWindow: 3, submitsPerWindow: 2, burstSubmits: 3 }
const questions = Object.keys(whatINeedAnswers(0))

export interface LimitsFixture {
  database: TestDatabase
  app: Express
  /** The same service with the default send limit, a burst of 3 sends and 2 copies of the same answers a minute. */
  wide: Express
  time: FakeClock
  organisation: { id: string; slug: string }
  officer: { id: string; email: string; organisationId: string }
  surveyIds: Record<string, string>
}

/**
 * For a test file: a database, the app with small limits and a fake clock, an organisation with the
 * young people's and the parent carers' surveys open, and an analyst. Filled in by beforeAll.
 */
export function useLimitsFixture(): LimitsFixture {
  const fixture = { time: new FakeClock(), surveyIds: {} } as LimitsFixture
  beforeAll(async () => {
    fixture.database = await openTestDatabase()
    const { db } = fixture.database
    const clock = { clock: fixture.time.clock }
    fixture.app = (await buildTestApp(db, limitsConfig(small), clock)).app
    fixture.wide = (await buildTestApp(db, limitsConfig({ burstSubmits: 3, repeatedAnswers: 2 }), clock)).app
    fixture.organisation = await insertOrganisation(db)
    for (const template of ['what-i-need', 'ehcp-experience'])
      fixture.surveyIds[template] = (
        await insertSurvey(db, { organisationId: fixture.organisation.id, template })
      ).surveyId
    fixture.officer = await addOfficer(db, fixture.organisation.id, 'analyst')
  })
  afterAll(() => fixture.database.drop())
  return fixture
}

export const youngPeople = (fixture: LimitsFixture) => ({
  organisation: fixture.organisation.slug,
  slug: 'what-i-need',
})

/** A young person at an address who has answered every page, taking `seconds` over each. */
export async function answered(
  fixture: LimitsFixture,
  address: string,
  options: { seconds?: number; query?: string; variant?: number; app?: Express } = {},
) {
  const browser = new Browser(options.app ?? fixture.app, youngPeople(fixture), address)
  expect((await browser.start(options.query)).status).toBe(303)
  const answers = whatINeedAnswers(options.variant ?? 1)
  for (const question of questions) {
    fixture.time.advance(options.seconds ?? 0)
    expect((await browser.answer(question, answers[question])).status).toBe(303)
  }
  return browser
}

export const rowsFor = (
  fixture: LimitsFixture,
  table: 'responses' | 'held_responses',
  reference: string | undefined,
) =>
  fixture.database.db.query<{ hold_reasons?: string[] }>(`SELECT * FROM ${table} WHERE reference = $1`, [
    reference,
  ])
