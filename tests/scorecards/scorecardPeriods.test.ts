import {
  chosenMonth,
  chosenPeriod,
  publishablePeriods,
  publishedPeriod,
  recentMonths,
  recentPeriods,
} from '../../server/scorecards/model/scorecardPeriods'

const keys = (periods: { key: string }[]) => periods.map((period) => period.key)

describe('an organisation’s scorecard periods', () => {
  it.each([
    ['quarterly', ['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']],
    ['six-monthly', ['2026-H2', '2026-H1', '2025-H2', '2025-H1']],
    ['annual', ['2026', '2025', '2024']],
  ] as const)('offers %s periods, the running one first', (frequency, expected) => {
    expect(keys(recentPeriods(frequency, '2026-12-06'))).toEqual(expected)
    expect(keys(publishablePeriods(frequency, '2026-12-06'))).toEqual(expected.slice(1))
  })

  it('chooses the running period when none is asked, and only a period of the frequency', () => {
    expect(chosenPeriod('six-monthly', undefined, '2026-03-31')?.key).toBe('2026-H1')
    expect(chosenPeriod('annual', '', '2026-03-31')?.key).toBe('2026')
    expect(chosenPeriod('six-monthly', '2026-h2', '2026-03-31')?.key).toBe('2026-H2')
    for (const asked of ['2026-Q3', '2026', '2026-H3', ['2026-H1'], 'H1 2026'])
      expect(chosenPeriod('six-monthly', asked, '2026-03-31')).toBeUndefined()
  })

  it('reads a published period at any publishing frequency, and nothing else', () => {
    expect(publishedPeriod('2026-Q2')).toMatchObject({ frequency: 'quarterly', end: '2026-06-30' })
    expect(publishedPeriod('2026-H1')).toMatchObject({ frequency: 'six-monthly', end: '2026-06-30' })
    expect(publishedPeriod('2025')).toMatchObject({
      frequency: 'annual',
      start: '2025-01-01',
      end: '2025-12-31',
    })
    for (const key of ['2026-05', '2026-T1', '2026-Q5', '2026-H0', '26', 'latest'])
      expect(publishedPeriod(key)).toBeUndefined()
  })

  it('offers this month and the eleven before it, across a new year', () => {
    const months = keys(recentMonths('2026-02-10'))
    expect(months).toHaveLength(12)
    expect(months[0]).toBe('2026-02')
    expect(months[11]).toBe('2025-03')
    expect(chosenMonth(undefined, '2026-02-10')?.key).toBe('2026-02')
    expect(chosenMonth('2025-12', '2026-02-10')).toMatchObject({ start: '2025-12-01', end: '2025-12-31' })
    expect(chosenMonth('2025-13', '2026-02-10')).toBeUndefined()
  })
})
