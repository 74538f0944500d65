import { percentage, wilsonInterval } from '../../server/results/statistics'

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
