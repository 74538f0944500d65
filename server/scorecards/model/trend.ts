import { significanceLevel, twoProportionTest } from '../../statistics/proportions'
import type { GoodIs, IndicatorKind, ShownFact, Trend, TrendStatus } from './types'

/** What a move up or down means for an indicator: better, worse, or only a direction. */
function statusOfMove(goodIs: GoodIs, change: number): TrendStatus {
  if (change === 0) return 'no-real-change'
  const up = change > 0
  if (goodIs === 'neither') return up ? 'up' : 'down'
  return up === (goodIs === 'up') ? 'improving' : 'getting-worse'
}

const notComparable: Trend = { status: 'not-comparable', change: null, pValue: null }

/**
 * The trend from the previous period to this one. Not comparable when either period has no figure
 * to show: no previous period, a withheld figure, or no value.
 *
 * A survey percentage is never judged by its raw difference alone: 6 of 10 to 8 of 10 is 20 points
 * and well within chance. It improves or gets worse only when the pooled two-proportion test of the
 * two periods' counts is significant at 5%; otherwise, or when there is nothing to test, it is no
 * real change, and the p-value says how far from significant it was. `change` is in percentage
 * points. An administrative figure records every case rather than sampling views, so its raw change
 * decides, and `pValue` is null.
 */
export function trendOf(input: {
  kind: IndicatorKind
  goodIs: GoodIs
  current: ShownFact
  previous: ShownFact | null
}): Trend {
  const { kind, goodIs, current, previous } = input
  if (previous === null || current.suppressed || previous.suppressed) return notComparable
  if (current.value === null || previous.value === null) return notComparable
  const change = current.value - previous.value
  if (kind === 'administrative') return { status: statusOfMove(goodIs, change), change, pValue: null }

  const [now, before] = [current, previous].map(({ numerator, denominator }) =>
    numerator === null || denominator === null ? null : { successes: numerator, n: denominator },
  )
  if (!now || !before) return notComparable
  const test = twoProportionTest(now, before)
  if (test === null || test.pValue >= significanceLevel)
    return { status: 'no-real-change', change, pValue: test?.pValue ?? null }
  return { status: statusOfMove(goodIs, change), change, pValue: test.pValue }
}
