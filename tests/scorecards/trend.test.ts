import { twoProportionTest } from '../../server/statistics/proportions'
import { trendOf } from '../../server/scorecards/model/trend'
import type { ShownFact } from '../../server/scorecards/model/types'

function surveyFact(period: string, numerator: number, denominator: number): ShownFact {
  return {
    period,
    numerator,
    denominator,
    value: (100 * numerator) / denominator,
    interval: null,
    suppressed: false,
  }
}
const entered = (period: string, value: number | null): ShownFact => ({
  period,
  numerator: null,
  denominator: null,
  value,
  interval: null,
  suppressed: false,
})
const withheld = (period: string): ShownFact => ({ ...entered(period, null), suppressed: true })

/*
 * The same 20-point rise at two sizes. 60 of 100 to 80 of 100: pooled 0.7,
 * SE = sqrt(0.7 * 0.3 * (1/100 + 1/100)) = 0.0648, z = 0.2 / 0.0648 = 3.09, p = 0.0020.
 * 6 of 10 to 8 of 10: SE = sqrt(0.21 * 0.2) = 0.2049, z = 0.976, p = 0.329.
 */
const large = { before: surveyFact('2026-Q1', 60, 100), after: surveyFact('2026-Q2', 80, 100) }
const small = { before: surveyFact('2026-Q1', 6, 10), after: surveyFact('2026-Q2', 8, 10) }

describe('trendOf for survey percentages', () => {
  it('calls a large, significant rise improving when more is better', () => {
    const trend = trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: large.before })
    expect(trend.status).toBe('improving')
    expect(trend.change).toBeCloseTo(20, 10)
    expect(trend.pValue).toBeCloseTo(0.002, 4)
  })

  it('calls the same rise getting worse when less is better', () => {
    const trend = trendOf({ kind: 'survey', goodIs: 'down', current: large.after, previous: large.before })
    expect(trend.status).toBe('getting-worse')
    expect(trend.change).toBeCloseTo(20, 10)
  })

  it('calls a significant fall getting worse when more is better, improving when less is better', () => {
    const fall = { current: large.before, previous: large.after }
    expect(trendOf({ kind: 'survey', goodIs: 'up', ...fall })).toMatchObject({
      status: 'getting-worse',
      change: -20,
    })
    expect(trendOf({ kind: 'survey', goodIs: 'down', ...fall })).toMatchObject({
      status: 'improving',
      change: -20,
    })
  })

  it('only says which way a good-is-neither indicator moved', () => {
    expect(
      trendOf({ kind: 'survey', goodIs: 'neither', current: large.after, previous: large.before }).status,
    ).toBe('up')
    expect(
      trendOf({ kind: 'survey', goodIs: 'neither', current: large.before, previous: large.after }).status,
    ).toBe('down')
  })

  it('calls the same 20-point rise at ten ratings each no real change, with its p-value', () => {
    for (const goodIs of ['up', 'down', 'neither'] as const) {
      const trend = trendOf({ kind: 'survey', goodIs, current: small.after, previous: small.before })
      expect(trend.status).toBe('no-real-change')
      expect(trend.change).toBeCloseTo(20, 10)
      expect(trend.pValue).toBeCloseTo(0.329, 3)
    }
  })

  it('draws the line at the 5% level', () => {
    // 50 of 100 to 64 of 100 is just significant (p = 0.045); to 63 of 100 it is not (p = 0.064).
    const before = surveyFact('2026-Q1', 50, 100)
    const just = trendOf({
      kind: 'survey',
      goodIs: 'up',
      current: surveyFact('2026-Q2', 64, 100),
      previous: before,
    })
    const not = trendOf({
      kind: 'survey',
      goodIs: 'up',
      current: surveyFact('2026-Q2', 63, 100),
      previous: before,
    })
    expect(just.status).toBe('improving')
    expect(just.pValue).toBeLessThan(0.05)
    expect(not.status).toBe('no-real-change')
    expect(not.pValue).toBeGreaterThan(0.05)
  })

  it('is no real change with no p-value when there is nothing to test', () => {
    const allPositive = trendOf({
      kind: 'survey',
      goodIs: 'up',
      current: surveyFact('2026-Q2', 12, 12),
      previous: surveyFact('2026-Q1', 9, 9),
    })
    expect(allPositive).toEqual({ status: 'no-real-change', change: 0, pValue: null })
  })

  it('tests the counts, not the rounded percentages', () => {
    const trend = trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: large.before })
    const test = twoProportionTest({ successes: 80, n: 100 }, { successes: 60, n: 100 })
    expect(trend.pValue).toBe(test?.pValue)
  })
})

describe('trendOf when the periods cannot be compared', () => {
  const notComparable = { status: 'not-comparable', change: null, pValue: null }

  it('is not comparable without a previous period', () => {
    expect(trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: null })).toEqual(
      notComparable,
    )
    expect(
      trendOf({ kind: 'administrative', goodIs: 'up', current: entered('2026-Q2', 5), previous: null }),
    ).toEqual(notComparable)
  })

  it('is not comparable when either figure is withheld', () => {
    expect(
      trendOf({ kind: 'survey', goodIs: 'up', current: withheld('2026-Q2'), previous: large.before }),
    ).toEqual(notComparable)
    expect(
      trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: withheld('2026-Q1') }),
    ).toEqual(notComparable)
  })

  it('is not comparable when either period has no figure', () => {
    const nobody: ShownFact = { ...entered('2026-Q1', null), numerator: 0, denominator: 0 }
    expect(trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: nobody })).toEqual(
      notComparable,
    )
    expect(
      trendOf({
        kind: 'administrative',
        goodIs: 'down',
        current: entered('2026-Q2', null),
        previous: entered('2026-Q1', 4),
      }),
    ).toEqual(notComparable)
  })

  it('is not comparable when a survey figure comes without its counts', () => {
    const noCounts: ShownFact = { ...large.before, numerator: null, denominator: null }
    expect(trendOf({ kind: 'survey', goodIs: 'up', current: large.after, previous: noCounts })).toEqual(
      notComparable,
    )
    expect(
      trendOf({
        kind: 'survey',
        goodIs: 'up',
        current: { ...large.after, numerator: null },
        previous: large.before,
      }),
    ).toEqual(notComparable)
  })
})

describe('trendOf for administrative figures', () => {
  const trend = (goodIs: 'up' | 'down' | 'neither', previous: number, current: number) =>
    trendOf({
      kind: 'administrative',
      goodIs,
      current: entered('2026-Q2', current),
      previous: entered('2026-Q1', previous),
    })

  it('lets the raw change decide, however small, with no p-value', () => {
    expect(trend('up', 41, 42)).toEqual({ status: 'improving', change: 1, pValue: null })
    expect(trend('up', 42, 41)).toEqual({ status: 'getting-worse', change: -1, pValue: null })
  })

  it('reads the change by which way is better', () => {
    // Weeks to issue a plan: fewer is better.
    expect(trend('down', 22, 18)).toEqual({ status: 'improving', change: -4, pValue: null })
    expect(trend('down', 18, 22)).toEqual({ status: 'getting-worse', change: 4, pValue: null })
  })

  it('only says which way a good-is-neither figure moved', () => {
    expect(trend('neither', 10, 12)).toEqual({ status: 'up', change: 2, pValue: null })
    expect(trend('neither', 12, 10)).toEqual({ status: 'down', change: -2, pValue: null })
  })

  it('is no real change when the figure is the same', () => {
    expect(trend('up', 7.5, 7.5)).toEqual({ status: 'no-real-change', change: 0, pValue: null })
  })
})
