import type { Interval } from './types'

/** The normal quantile for a two-sided 95% interval, to the precision of published tables. */
export const z95 = 1.959964

function assertCounts(part: number, whole: number): void {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || part > whole)
    throw new RangeError(`Expected whole-number counts with 0 <= ${part} <= ${whole}`)
}

/**
 * The share `part` is of `whole`, in percent, at full precision: rounding belongs to whoever shows
 * it, so totals and intervals are never computed from rounded figures. null when `whole` is 0,
 * because a share of nobody is not a number anyone should see.
 */
export function percentage(part: number, whole: number): number | null {
  if (!(part >= 0 && whole >= 0)) throw new RangeError(`Expected counts, not ${part} of ${whole}`)
  return whole === 0 ? null : (100 * part) / whole
}

/**
 * The Wilson score interval for a proportion, in percent. It stays inside 0-100 and behaves at 0
 * and at n, where the familiar p +/- z*sqrt(p(1-p)/n) collapses to a width of nothing.
 *
 * With p = successes / n:
 *   centre = (p + z^2 / 2n) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p(1 - p) / n + z^2 / 4n^2)
 *
 * n = 0 returns null rather than throwing: "no one answered" is an ordinary state of a results page,
 * and `Headline.interval` is already null whenever there is nothing to show.
 */
export function wilsonInterval(successes: number, n: number, z = z95): Interval | null {
  assertCounts(successes, n)
  if (n === 0) return null
  const p = successes / n
  const zSquaredOverN = (z * z) / n
  const centre = (p + zSquaredOverN / 2) / (1 + zSquaredOverN)
  const half = (z / (1 + zSquaredOverN)) * Math.sqrt((p * (1 - p)) / n + zSquaredOverN / (4 * n))
  // At 0 the lower bound is exactly 0, and at n the upper exactly 100; computed, they can miss by a
  // rounding error, and "99.99999999999999%" is not a figure anyone should have to explain.
  return {
    lower: successes === 0 ? 0 : 100 * (centre - half),
    upper: successes === n ? 100 : 100 * (centre + half),
  }
}
