import { suppressTable, type CountCell, type CountTable } from '../../server/results/suppression'
import { isSmall, thresholdFrom } from '../../server/statistics/threshold'

const other = (count: number): CountCell => ({ count, notCounted: false, positive: false })
const positive = (count: number): CountCell => ({ count, notCounted: false, positive: true })
const dontKnow = (count: number): CountCell => ({ count, notCounted: true, positive: false })

/** A single-answer question's table: everyone who answered is in exactly one cell. */
const tableOf = (...cells: CountCell[]): CountTable => ({
  answered: cells.reduce((sum, cell) => sum + cell.count, 0),
  cells,
})

describe('the threshold', () => {
  it('is 10 unless set, and never below 5', () => {
    expect(thresholdFrom()).toBe(10)
    expect(thresholdFrom(12)).toBe(12)
    expect(thresholdFrom(3)).toBe(5)
    expect(thresholdFrom(-1)).toBe(5)
  })

  it('rounds a fractional setting up, the safe way', () => {
    expect(thresholdFrom(7.2)).toBe(8)
  })

  it('refuses a setting that is not a number', () => {
    expect(() => thresholdFrom(Number.NaN)).toThrow(RangeError)
  })

  it('calls 1 to t - 1 small, and never 0', () => {
    expect([0, 1, 9, 10].map((count) => isSmall(count, 10))).toEqual([false, true, true, false])
  })
})

describe('suppressTable', () => {
  describe('a: too few answered', () => {
    it('hides everything when 1 to t - 1 answered', () => {
      // 5 + 4 = 9 answered, below 10.
      expect(suppressTable(tableOf(positive(5), other(4), dontKnow(0)))).toEqual({
        question: true,
        cells: [true, true, true],
        denominator: true,
        numerator: true,
      })
    })

    it('shows a question nobody answered: zero singles no one out', () => {
      expect(suppressTable(tableOf(other(0), other(0))).question).toBe(false)
    })
  })

  describe('b: primary', () => {
    it('hides counts from 1 to t - 1 and shows zeros', () => {
      // 9 and 1 hidden; together 10 = t + 2 - 2, so no more is needed.
      expect(suppressTable(tableOf(other(20), other(9), other(0), other(1), other(30))).cells).toEqual([
        false,
        true,
        false,
        true,
        false,
      ])
    })

    it('hides nothing when every count is 0 or at least t', () => {
      const hidden = suppressTable(tableOf(positive(40), other(0), other(10), dontKnow(12)))
      expect(hidden).toEqual({
        question: false,
        cells: [false, false, false, false],
        denominator: false,
        numerator: false,
      })
    })

    it('uses the threshold given, and 5 for any lower one', () => {
      // t = 5: 4 is hidden, and the smallest shown after it (5) with it.
      expect(suppressTable(tableOf(other(4), other(5), other(30)), 5).cells).toEqual([true, true, false])
      // A setting of 3 is applied as 5, so 4 is still hidden.
      expect(suppressTable(tableOf(other(4), other(5), other(30)), 3).cells).toEqual([true, true, false])
    })
  })

  describe('d: secondary', () => {
    it('stops a lone hidden count coming back by subtraction', () => {
      // Strongly agree 40, agree 25, neither 3, disagree 12, strongly disagree 15, don't know 0;
      // 95 answered. Primary alone hides only "neither", and 95 - (40 + 25 + 12 + 15 + 0) = 3
      // gives it back. The smallest count still shown, disagree (12), is hidden too: now the
      // subtraction gives only neither + disagree = 15.
      const table = tableOf(positive(40), positive(25), other(3), other(12), other(15), dontKnow(0))
      expect(table.answered).toBe(95)
      expect(suppressTable(table).cells).toEqual([false, false, true, true, false, false])
    })

    it('takes the later option on a tie', () => {
      // 4 hidden; 12 and 12 tie for smallest shown: the later one goes.
      expect(suppressTable(tableOf(other(20), other(4), other(12), other(12))).cells).toEqual([
        false,
        true,
        false,
        true,
      ])
    })

    it('stops two hidden 1s being known as 1s', () => {
      // 1 + 1 + 15 + 23 = 40 answered. Hiding both 1s leaves 40 - 15 - 23 = 2 for two cells of at
      // least 1 each: both are 1. The hidden total must reach t + k - 2 = 10 for k = 2, so 15 is
      // hidden too: three cells with 17 between them, any of which could be 1 to 9 (or 15).
      expect(suppressTable(tableOf(other(1), other(1), other(15), other(23))).cells).toEqual([
        true,
        true,
        true,
        false,
      ])
    })

    it('is not needed when the hidden counts already hide each other', () => {
      // 6 + 7 = 13 hidden between two cells: either could be anything from 4 to 9.
      expect(suppressTable(tableOf(other(6), other(7), other(30))).cells).toEqual([true, true, false])
    })

    it('hides the whole question when nothing is left to hide', () => {
      // Ten options chosen once each, two never: 10 answered. The ten hidden cells total 10, so each
      // is 1, and no count is left to hide with them.
      const ones = Array.from({ length: 10 }, () => other(1))
      const hidden = suppressTable(tableOf(...ones, other(0), other(0)))
      expect(hidden.question).toBe(true)
      expect(hidden.cells.every(Boolean)).toBe(true)
    })
  })

  describe('c and e: the denominator and percentages', () => {
    it('hides them when a not-counted count is hidden', () => {
      // Don't know 3 is hidden (and 12 with it); answered 45 minus a denominator of 42 would give 3.
      const hidden = suppressTable(tableOf(positive(30), other(12), dontKnow(3)))
      expect(hidden.cells).toEqual([false, true, true])
      expect(hidden.denominator).toBe(true)
    })

    it('hides them when secondary suppression reaches a not-counted count', () => {
      // 4 hidden; 12 and don't know 12 tie, and don't know is the later option.
      const hidden = suppressTable(tableOf(positive(30), other(4), other(12), dontKnow(12)))
      expect(hidden.cells).toEqual([false, true, false, true])
      expect(hidden.denominator).toBe(true)
    })

    it('shows them when every not-counted count is shown', () => {
      const hidden = suppressTable(tableOf(positive(30), other(12), dontKnow(10)))
      expect(hidden.denominator).toBe(false)
    })

    it('hides a small denominator and the not-counted counts that would give it back', () => {
      // Multiple choice: 20 answered, 15 preferred not to say, 5 chose all three options. The
      // denominator 20 - 15 = 5 is a small group; showing 15 would give it back as 20 - 15.
      const table: CountTable = { answered: 20, cells: [other(5), other(5), other(5), dontKnow(15)] }
      expect(suppressTable(table)).toEqual({
        question: false,
        cells: [true, true, true, true],
        denominator: true,
        numerator: false,
      })
    })
  })

  describe('f: the headline numerator', () => {
    it('hides it when it would split the hidden total', () => {
      // Positive {a, b}: a = 3 hidden, and c = 12 hidden with it. Shown, the numerator 23 minus
      // b = 20 would give a.
      const hidden = suppressTable(tableOf(positive(3), positive(20), other(12), other(30)))
      expect(hidden.cells).toEqual([true, false, true, false])
      expect(hidden.numerator).toBe(true)
    })

    it('shows it when every hidden count is positive', () => {
      // a = 3 hidden, then b = 11 as the smallest shown. The numerator 14 tells only a + b, which
      // 59 answered minus c and d already gives.
      const hidden = suppressTable(tableOf(positive(3), positive(11), other(20), other(25)))
      expect(hidden.cells).toEqual([true, true, false, false])
      expect(hidden.numerator).toBe(false)
    })

    it('shows it when no hidden count is positive', () => {
      const hidden = suppressTable(tableOf(positive(30), other(4), other(12), dontKnow(0)))
      expect(hidden.cells).toEqual([false, true, true, false])
      expect(hidden.numerator).toBe(false)
    })

    it('shows a numerator of zero', () => {
      expect(suppressTable(tableOf(positive(0), other(15), other(20))).numerator).toBe(false)
    })
  })
})
