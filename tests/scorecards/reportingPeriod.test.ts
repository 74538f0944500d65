import { reportingPeriod } from '../../server/scorecards/model/buildScorecard'
import { parsePeriod } from '../../server/scorecards/model/periods'
import type { Frequency, Indicator } from '../../server/scorecards/model/types'

const quarter = (key: string) => {
  const period = parsePeriod('quarterly', key)
  if (!period) throw new Error(`${key} is not a quarter`)
  return period
}
const every = (frequency: Frequency) => ({ frequency }) as Indicator

describe('the period an indicator reports for a quarter', () => {
  it.each([
    ['monthly', '2026-09'],
    ['quarterly', '2026-Q3'],
    ['six-monthly', '2026-H1'],
    ['annual', '2025'],
    ['termly', '2026-T3'],
  ] as const)(
    'for an ended quarter, a %s indicator reports its latest period ended by then: %s',
    (frequency, key) => {
      expect(reportingPeriod(every(frequency), quarter('2026-Q3'), '2026-12-01').key).toBe(key)
    },
  )

  it.each([
    ['monthly', '2026-12'],
    ['quarterly', '2026-Q4'],
    ['six-monthly', '2026-H2'],
    ['annual', '2026'],
    ['termly', '2026-T1'],
  ] as const)(
    'in the quarter still running, a %s indicator reports the period so far: %s',
    (frequency, key) => {
      expect(reportingPeriod(every(frequency), quarter('2026-Q4'), '2026-12-01').key).toBe(key)
    },
  )

  it('in the first month of a running quarter, a monthly indicator reports that month, not the last', () => {
    expect(reportingPeriod(every('monthly'), quarter('2026-Q4'), '2026-10-05').key).toBe('2026-10')
  })
})
