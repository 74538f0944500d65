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

/** The two-sided level below which a change between periods counts as real rather than chance. */
export const significanceLevel = 0.05

/*
 * W. J. Cody's rational Chebyshev approximations to erf and erfc ("Rational Chebyshev approximations
 * for the error function", Mathematics of Computation 23 (1969) 631-637; netlib SPECFUN's CALERF),
 * accurate to about 1e-16 on each interval. The short textbook formulas (Abramowitz and Stegun
 * 7.1.26, good to 1.5e-7) would do for a printed table, but a p-value a hair from 0.05 decides
 * whether a scorecard says a figure really changed, so it should land on the right side.
 *
 * Each is a ratio of two polynomials, coefficients from the highest power down.
 */
const erfNearZero = {
  numerator: [
    0.185777706184603153, 3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947,
  ],
  denominator: [1, 23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062],
}
const erfcUpToFour = {
  numerator: [
    2.15311535474403846e-8, 0.564188496988670089, 8.88314979438837594, 66.1191906371416295,
    298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
  ],
  denominator: [
    1, 15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
    3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
  ],
}
const erfcBeyondFour = {
  numerator: [
    0.0163153871373020978, 0.305326634961232344, 0.360344899949804439, 0.125781726111229246,
    0.0160837851487422766, 6.58749161529837803e-4,
  ],
  denominator: [
    1, 2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191,
    0.00233520497626869185,
  ],
}

type Rational = { numerator: number[]; denominator: number[] }
const polynomial = (coefficients: number[], x: number) => coefficients.reduce((sum, c) => sum * x + c, 0)
const evaluate = (rational: Rational, x: number) =>
  polynomial(rational.numerator, x) / polynomial(rational.denominator, x)

/** exp(-x^2), with x split at a sixteenth so that squaring it loses no bits in the far tail. */
function expMinusSquare(x: number): number {
  const head = Math.trunc(x * 16) / 16
  return Math.exp(-head * head) * Math.exp(-(x - head) * (x + head))
}

/**
 * The complementary error function erfc(x) = 1 - erf(x), computed directly rather than as 1 - erf
 * so that small tail areas (tiny p-values) keep their precision.
 */
function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x)
  if (x <= 0.46875) return 1 - x * evaluate(erfNearZero, x * x)
  if (x <= 4) return expMinusSquare(x) * evaluate(erfcUpToFour, x)
  // Beyond this erfc is smaller than the smallest double.
  if (x >= 26.543) return 0
  const inverseSquare = 1 / (x * x)
  const correction = inverseSquare * evaluate(erfcBeyondFour, inverseSquare)
  return (expMinusSquare(x) * (1 / Math.sqrt(Math.PI) - correction)) / x
}

/** The standard normal cumulative distribution function: the chance a standard normal is below z. */
export function normalCdf(z: number): number {
  return erfc(-z / Math.SQRT2) / 2
}

/**
 * The pooled two-proportion z-test of whether `a` and `b` come from the same rate, with its
 * two-sided p-value. z is positive when `a`'s share is the larger.
 *
 *   pooled = (a.successes + b.successes) / (a.n + b.n)
 *   z      = (a.successes/a.n - b.successes/b.n) / sqrt(pooled (1 - pooled) (1/a.n + 1/b.n))
 *   p      = 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2)
 *
 * Pooled, because the question asked is "could both periods share one rate?", and under that
 * hypothesis the one rate is the best estimate of either. null when there is nothing to test: a
 * period with no one counted, or every rating the same in both (pooled 0 or 1, no variance).
 */
export function twoProportionTest(
  a: { successes: number; n: number },
  b: { successes: number; n: number },
): { z: number; pValue: number } | null {
  assertCounts(a.successes, a.n)
  assertCounts(b.successes, b.n)
  if (a.n === 0 || b.n === 0) return null
  const pooled = (a.successes + b.successes) / (a.n + b.n)
  if (pooled === 0 || pooled === 1) return null
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  const z = (a.successes / a.n - b.successes / b.n) / standardError
  return { z, pValue: erfc(Math.abs(z) / Math.SQRT2) }
}
