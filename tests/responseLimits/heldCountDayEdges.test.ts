import { randomUUID } from 'node:crypto'
import { holdReasons } from '../../server/responseLimits/model/holdRules'
import { countHeld, includeHeld, insertHeldResponse } from '../../server/responseLimits/store/heldQueries'
import { countAnswers } from '../../server/results/countAnswers'
import { toResultsFilter } from '../../server/results/resultsFilterForm'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

/**
 * A held response keeps its exact time and a counted one only its London day, so the two selections
 * are written differently (results/responseSelection.ts). These responses sit a second either side of
 * London midnights, in winter, in summer and on the days the clocks change: a period of days must
 * hold the same of them while they are held as once they are included and counted.
 */
const sentAt = [
  '2026-01-31T23:59:59Z', // 31 January, 23:59:59 in London (GMT)
  '2026-02-01T00:00:00Z', // 1 February, midnight
  '2026-03-28T23:59:59Z', // 28 March, the last second before the clocks go forward
  '2026-03-29T00:00:00Z', // 29 March, midnight
  '2026-03-29T23:00:00Z', // 30 March, midnight in summer time (BST)
  '2026-06-30T22:59:59Z', // 30 June, 23:59:59 in London (BST)
  '2026-06-30T23:00:00Z', // 1 July, midnight in London, still 30 June in UTC
  '2026-07-31T22:59:59Z', // 31 July, 23:59:59
  '2026-07-31T23:00:00Z', // 1 August, midnight
  '2026-10-24T22:59:59Z', // 24 October, 23:59:59 in summer time
  '2026-10-24T23:00:00Z', // 25 October, midnight, the day the clocks go back
  '2026-10-26T00:00:00Z', // 26 October, midnight in GMT
]

const periods: { from?: string; to?: string; expected: number }[] = [
  { from: '2026-02-01', to: '2026-02-28', expected: 1 },
  { to: '2026-01-31', expected: 1 },
  { from: '2026-03-29', to: '2026-03-29', expected: 1 },
  { from: '2026-03-29', to: '2026-03-30', expected: 2 },
  { from: '2026-07-01', to: '2026-07-31', expected: 2 },
  { from: '2026-06-30', to: '2026-06-30', expected: 1 },
  { from: '2026-10-25', to: '2026-10-25', expected: 1 },
  { from: '2026-10-25', expected: 2 },
]

let database: TestDatabase
let survey = { organisationId: '', surveyId: '' }

beforeAll(async () => {
  database = await openTestDatabase()
  const organisationId = (await insertOrganisation(database.db)).id
  survey = {
    organisationId,
    surveyId: (await insertSurvey(database.db, { organisationId, template: 'what-i-need' })).surveyId,
  }
  for (const [index, at] of sentAt.entries()) {
    const submittedAt = new Date(at)
    await insertHeldResponse(database.db, {
      ...survey,
      id: randomUUID(),
      version: 1,
      language: 'en',
      reference: `EDGE-${String(index).padStart(4, '0')}`,
      draftId: randomUUID(),
      answers: { 'listened-to': 'very-important', 'age-group': '12-15' },
      submittedAt,
      startedAt: new Date(submittedAt.getTime() - 2000),
      reasons: ['too-fast'],
    })
  }
})
afterAll(() => database.drop())

const filterOf = (period: { from?: string; to?: string }) => toResultsFilter({ ...period, aboutYou: {} })

describe('the held count beside a period of results', () => {
  it('counts the same responses held as the results count once they are included', async () => {
    const held = []
    for (const period of periods) held.push((await countHeld(database.db, survey, filterOf(period))).total)
    await includeHeld(database.db, survey, {
      references: [],
      reasons: [...holdReasons],
      heldUpTo: new Date('2100-01-01T00:00:00Z'),
    })
    const counted = []
    for (const period of periods)
      counted.push((await countAnswers(database.db, { ...survey, filter: filterOf(period) })).responses)

    expect(held).toEqual(periods.map((period) => period.expected))
    expect(counted).toEqual(held)
  })
})
