import {
  normalCdf,
  percentage,
  significanceLevel,
  twoProportionTest,
  wilsonInterval,
} from '../../server/statistics/proportions'

/*
 * Wilson by hand, z = 1.959964 (z^2 = 3.841459), p = s/n:
 *   centre = (p + z^2/2n) / (1 + z^2/n)
 *   half   = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)
 *
 * 8 of 10: p = 0.8, z^2/n = 0.384146, 1 + z^2/n = 1.384146
 *   centre = (0.8 + 0.192073) / 1.384146 = 0.716740
 *   half   = 1.416009 * sqrt(0.016 + 0.0096037) = 1.416009 * 0.160012 = 0.226578
 *   -> 49.02% to 94.33%
 * 0 of 10: centre = 0.192073 / 1.384146 = 0.138766
 *   half   = 1.416009 * sqrt(0 + 0.0096037) = 1.416009 * 0.0979982 = 0.138766 -> 0% to 27.75%
 * 10 of 10: the mirror image of 0 of 10 -> 72.25% to 100%
 * 50 of 100: z^2/n = 0.0384146; centre = 0.519207 / 1.038415 = 0.5
 *   half   = 1.887457 * sqrt(0.0025 + 0.0000960) = 1.887457 * 0.0509513 = 0.0961684
 *   -> 40.38% to 59.62%
 * 263 of 300: p = 0.876667, z^2/n = 0.0128049
 *   centre = (0.876667 + 0.0064024) / 1.0128049 = 0.871904
 *   half   = 1.935184 * sqrt(0.000360407 + 0.0000106707) = 1.935184 * 0.0192634 = 0.0372781
 *   -> 83.46% to 90.92%
 */
describe('wilsonInterval', () => {
  it.each([
    [8, 10, 49.02, 94.33],
    [0, 10, 0, 27.75],
    [10, 10, 72.25, 100],
    [50, 100, 40.38, 59.62],
    [263, 300, 83.46, 90.92],
  ])('%i of %i is %f%% to %f%%', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n)
    expect(interval?.lower).toBeCloseTo(lower, 2)
    expect(interval?.upper).toBeCloseTo(upper, 2)
  })

  it('is exactly 0 at no successes and exactly 100 at all', () => {
    expect(wilsonInterval(0, 7)?.lower).toBe(0)
    expect(wilsonInterval(7, 7)?.upper).toBe(100)
  })

  it('is null when there is no one to count', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  it('narrows as n grows', () => {
    const [small, large] = [wilsonInterval(8, 10), wilsonInterval(80, 100)]
    expect((large?.upper ?? 0) - (large?.lower ?? 0)).toBeLessThan((small?.upper ?? 0) - (small?.lower ?? 0))
  })

  it('takes another z for another confidence level', () => {
    // 90%: z = 1.644854 gives a narrower interval than 95% around the same 80%.
    expect(wilsonInterval(8, 10, 1.644854)?.lower).toBeGreaterThan(49.02)
  })

  it.each([
    [11, 10],
    [-1, 10],
    [1.5, 10],
    [1, Number.NaN],
  ])('refuses %f of %f', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError)
  })
})

describe('percentage', () => {
  it('keeps full precision: rounding is for whoever shows it', () => {
    expect(percentage(1, 3)).toBe(100 / 3)
    expect(percentage(21, 34)).toBeCloseTo(61.7647, 4)
    expect(percentage(0, 5)).toBe(0)
    expect(percentage(5, 5)).toBe(100)
  })

  it('is null of nobody', () => {
    expect(percentage(0, 0)).toBeNull()
  })

  it('refuses negative counts', () => {
    expect(() => percentage(-1, 5)).toThrow(RangeError)
  })
})

/*
 * Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
 * methods", Statistics in Medicine 17:857-872, Table I, method 3: the score interval without
 * continuity correction, 95%, to four decimal places.
 */
describe('wilsonInterval against Newcombe (1998) Table I', () => {
  it.each([
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 20, 0, 16.11],
    [1, 29, 0.61, 17.18],
    [29, 29, 88.3, 100],
  ])('%i of %i is %f%% to %f%%', (successes, n, lower, upper) => {
    const interval = wilsonInterval(successes, n)
    // Four decimals of a proportion are two of a percentage: within half of the last digit.
    expect(Math.abs((interval?.lower ?? Number.NaN) - lower)).toBeLessThanOrEqual(0.005)
    expect(Math.abs((interval?.upper ?? Number.NaN) - upper)).toBeLessThanOrEqual(0.005)
  })
})

/*
 * Reference values from Abramowitz and Stegun (1964), Handbook of Mathematical Functions, Table
 * 26.1, which gives P(x) to fifteen decimals: P(0.5) = 0.691462461274013, P(1) = 0.841344746068543,
 * P(3) = 0.998650101968370, P(5) = 0.999999713348428. Between them they reach all three of the
 * approximation's ranges (|z| / sqrt 2 up to 0.46875, up to 4, beyond).
 */
describe('normalCdf', () => {
  it('is a half at 0', () => {
    expect(normalCdf(0)).toBe(0.5)
  })

  it('puts 2.5% beyond the 95% quantile on each side', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 7)
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 7)
  })

  it('matches the fifteen-decimal table', () => {
    expect(normalCdf(0.5)).toBeCloseTo(0.691462461274013, 12)
    expect(normalCdf(-0.5)).toBeCloseTo(0.308537538725987, 12)
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 12)
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 12)
    expect(normalCdf(3)).toBeCloseTo(0.99865010196837, 12)
    expect(normalCdf(-3)).toBeCloseTo(0.00134989803163, 12)
  })

  it('keeps its precision far in the tail, where 1 - P(x) would lose it', () => {
    // 1 - 0.999999713348428 = 2.86651572e-7, good to the table's last decimal.
    expect(normalCdf(-5) / 2.86651572e-7).toBeCloseTo(1, 7)
    // Beyond the table: 9.865876450377e-10, as R's pnorm(-6) and other double-precision libraries give.
    expect(normalCdf(-6) / 9.865876450377e-10).toBeCloseTo(1, 10)
  })

  it('is symmetric', () => {
    for (const z of [0.1, 0.46875, 0.5, 1.3, 2.7, 4, 4.5, 6])
      expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14)
  })
})

describe('twoProportionTest against published worked examples', () => {
  it('matches Penn State STAT 200: 56 of 127 against 62 of 99 is z = -2.77, p = 0.006', () => {
    // Penn State Eberly College of Science, STAT 200 Elementary Statistics, Lesson 9.1.2.2,
    // testing two independent proportions with the pooled estimate (females and males who have tried
    // weed, class survey): https://online.stat.psu.edu/stat200/lesson/9/9.1/9.1.2/9.1.2.2
    const result = twoProportionTest({ successes: 56, n: 127 }, { successes: 62, n: 99 })
    expect(result?.z).toBeCloseTo(-2.77, 2)
    expect(result?.pValue).toBeCloseTo(0.006, 3)
  })

  it('matches Illowsky and Dean: 20 of 200 against 12 of 200 is p = 0.1404', () => {
    // Illowsky B, Dean S, Collaborative Statistics, "Hypothesis Testing: Two Population Means and
    // Two Population Proportions: Comparing Two Independent Population Proportions" (two medications
    // for hives): http://cnx.org/content/m17043/latest/ . The page prints the p-value; its figures
    // (pooled 0.08, difference 0.04, SE = sqrt(0.08 * 0.92 * 2/200) = 0.02713) give z = 1.474.
    const result = twoProportionTest({ successes: 20, n: 200 }, { successes: 12, n: 200 })
    expect(result?.z).toBeCloseTo(1.474, 3)
    expect(result?.pValue).toBeCloseTo(0.1404, 4)
  })

  it('matches Prentice Hall: 44 of 200 against 54 of 300 is p = 0.270', () => {
    // Prentice Hall, TI-83 "Two Proportion Population Test" (n1 = 200, p1 = .22; n2 = 300,
    // p2 = .18; two-sided; the calculator gives p = .270):
    // http://www.prenhall.com/divisions/esm/app/calc_v2/calculator/medialib/Technology/Documents/TI-83/desc_pages/prop_pop_test.html
    // By hand: pooled 98/500 = 0.196, SE = sqrt(0.196 * 0.804 * (1/200 + 1/300)) = 0.03624, z = 1.104.
    const result = twoProportionTest({ successes: 44, n: 200 }, { successes: 54, n: 300 })
    expect(result?.z).toBeCloseTo(1.104, 3)
    expect(result?.pValue).toBeCloseTo(0.27, 3)
  })
})

describe('twoProportionTest', () => {
  it('gives z the sign of a minus b, and the same p either way round', () => {
    const forwards = twoProportionTest({ successes: 80, n: 100 }, { successes: 60, n: 100 })
    const backwards = twoProportionTest({ successes: 60, n: 100 }, { successes: 80, n: 100 })
    expect(forwards?.z).toBeGreaterThan(0)
    expect(backwards?.z).toBeCloseTo(-(forwards?.z ?? 0), 12)
    expect(backwards?.pValue).toBe(forwards?.pValue)
  })

  it('finds no difference between equal shares', () => {
    expect(twoProportionTest({ successes: 3, n: 10 }, { successes: 30, n: 100 })).toEqual({ z: 0, pValue: 1 })
  })

  it('tells a large sample’s 20 points from a small one’s', () => {
    // 60 to 80 of 100: z = 0.2 / sqrt(0.21 * 0.02) = 3.086, p = 0.0020; of 10: z = 0.976, p = 0.329.
    const large = twoProportionTest({ successes: 80, n: 100 }, { successes: 60, n: 100 })
    const small = twoProportionTest({ successes: 8, n: 10 }, { successes: 6, n: 10 })
    expect(large?.z).toBeCloseTo(3.086, 3)
    expect(large?.pValue).toBeLessThan(significanceLevel)
    expect(small?.z).toBeCloseTo(0.976, 3)
    expect(small?.pValue).toBeCloseTo(0.329, 3)
  })

  it('keeps tiny p-values rather than rounding them to 0', () => {
    const result = twoProportionTest({ successes: 900, n: 1000 }, { successes: 100, n: 1000 })
    expect(result?.pValue).toBeGreaterThan(0)
    expect(result?.pValue).toBeLessThan(1e-100)
  })

  it('is null when a period has no one counted', () => {
    expect(twoProportionTest({ successes: 0, n: 0 }, { successes: 5, n: 10 })).toBeNull()
    expect(twoProportionTest({ successes: 5, n: 10 }, { successes: 0, n: 0 })).toBeNull()
  })

  it('is null when every rating is the same in both periods: nothing varies to test', () => {
    expect(twoProportionTest({ successes: 0, n: 12 }, { successes: 0, n: 30 })).toBeNull()
    expect(twoProportionTest({ successes: 12, n: 12 }, { successes: 30, n: 30 })).toBeNull()
  })

  it.each([
    [
      { successes: 11, n: 10 },
      { successes: 1, n: 10 },
    ],
    [
      { successes: 1, n: 10 },
      { successes: -1, n: 10 },
    ],
    [
      { successes: 1.5, n: 10 },
      { successes: 1, n: 10 },
    ],
    [
      { successes: 1, n: 10 },
      { successes: 1, n: Number.NaN },
    ],
  ])('refuses counts that are not counts: %o against %o', (a, b) => {
    expect(() => twoProportionTest(a, b)).toThrow(RangeError)
  })

  it('calls 5% the significance level', () => {
    expect(significanceLevel).toBe(0.05)
  })
})
