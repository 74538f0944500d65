import fc from 'fast-check'
import { suppressGroups } from '../../server/results/breakdown/suppressGroups'
import {
  denominatorOf,
  suppressTable,
  type CountCell,
  type CountTable,
  type TableSuppression,
} from '../../server/results/suppression'
import { isSmall } from '../../server/statistics/threshold'

const other = (count: number): CountCell => ({ count, notCounted: false, positive: false })
const positive = (count: number): CountCell => ({ count, notCounted: false, positive: true })
const dontKnow = (count: number): CountCell => ({ count, notCounted: true, positive: false })

const tableOf = (...cells: CountCell[]): CountTable => ({
  answered: cells.reduce((sum, cell) => sum + cell.count, 0),
  cells,
})

const wholeOf = (groups: CountTable[]): CountTable => ({
  answered: groups.reduce((sum, group) => sum + group.answered, 0),
  cells: (groups[0]?.cells ?? []).map((cell, index) => ({
    ...cell,
    count: groups.reduce((sum, group) => sum + (group.cells[index]?.count ?? 0), 0),
  })),
})

/** A line of figures across the groups is safe when nothing is hidden, or the hidden ones cannot be told. */
function lineIsSafe(values: number[], hidden: boolean[], threshold: number): boolean {
  const hiddenValues = values.filter((_, index) => hidden[index])
  const total = hiddenValues.reduce((sum, value) => sum + value, 0)
  if (hiddenValues.length === 0 || total === 0) return true
  // Everything that could be hidden is: no figure shown is left to give any of them away.
  const shownNonZero = values.some((value, index) => !hidden[index] && value > 0)
  return (hiddenValues.length >= 2 && total >= threshold + hiddenValues.length - 2) || !shownNonZero
}

const cellHidden = (state: TableSuppression, index: number) => state.question || (state.cells[index] ?? true)

describe('suppressGroups', () => {
  it('suppresses each group as the results page does when the lines across groups are already safe', () => {
    const groups = [tableOf(positive(20), other(30)), tableOf(positive(25), other(15))]
    expect(suppressGroups(groups)).toEqual(groups.map((group) => suppressTable(group)))
  })

  it('hides a second group in a line where one small count alone is hidden, so the total cannot give it back', () => {
    // "very important": 3 in group A (hidden), 40 in B and 12 in C (shown). The results page shows 55,
    // so A would be 55 - 40 - 12. The smallest shown, C's 12, is hidden too.
    const groups = [
      tableOf(positive(3), other(30)),
      tableOf(positive(40), other(20)),
      tableOf(positive(12), other(25)),
    ]
    const alone = groups.map((group) => suppressTable(group))
    expect(alone.map((state) => state.cells[0])).toEqual([true, false, false])
    const together = suppressGroups(groups)
    expect(together.map((state) => state.cells[0])).toEqual([true, false, true])
    // C's own table then has one hidden count, so its smallest other count goes too (rule d).
    expect(together[2]?.cells).toEqual([true, true])
  })

  it('hides a second group when one group is too small to show at all', () => {
    // Group A: 6 answered (hidden whole); B: 50; C: 20. "Answered" totals 76 on the results page.
    const groups = [
      tableOf(positive(3), other(3)),
      tableOf(positive(25), other(25)),
      tableOf(positive(10), other(10)),
    ]
    const together = suppressGroups(groups)
    expect(together.map((state) => state.question)).toEqual([true, false, true])
  })

  it('keeps a denominator from coming back as the total less the other groups', () => {
    // "I don't know" 4 in A hides A's denominator; B's is shown; the whole denominator is shown.
    const groups = [
      tableOf(positive(20), other(20), dontKnow(4)),
      tableOf(positive(30), other(30), dontKnow(30)),
    ]
    const together = suppressGroups(groups)
    expect(together[0]?.denominator).toBe(true)
    expect(together[1]?.denominator).toBe(true)
  })

  it('returns nothing for no groups', () => {
    expect(suppressGroups([])).toEqual([])
  })

  const groupsArbitrary = fc
    .record({
      shape: fc.array(fc.constantFrom('positive', 'other', 'dontKnow'), { minLength: 2, maxLength: 5 }),
      groups: fc.integer({ min: 2, max: 6 }),
      seed: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), {
        minLength: 30,
        maxLength: 30,
      }),
      threshold: fc.constantFrom(5, 10),
    })
    .map(({ shape, groups, seed, threshold }) => ({
      threshold,
      groups: Array.from({ length: groups }, (_, group) =>
        tableOf(
          ...shape.map((kind, index) => {
            const count = seed[(group * shape.length + index) % seed.length] ?? 0
            return kind === 'positive'
              ? positive(count)
              : kind === 'dontKnow'
                ? dontKnow(count)
                : other(count)
          }),
        ),
      ),
    }))

  it('never shows a small count, and leaves no hidden count to be worked out across or within groups', () => {
    fc.assert(
      fc.property(groupsArbitrary, ({ groups, threshold }) => {
        const states = suppressGroups(groups, threshold)
        const whole = wholeOf(groups)
        const published = suppressTable(whole, threshold)
        groups.forEach((group, g) => {
          const state = states[g] as TableSuppression
          // Never a small count on show, and a shown denominator means no not-counted answer is hidden.
          group.cells.forEach((cell, index) => {
            if (!cellHidden(state, index)) expect(isSmall(cell.count, threshold)).toBe(false)
            if (cell.notCounted && cellHidden(state, index) && !state.question)
              expect(state.denominator).toBe(true)
          })
          if (!state.question) expect(isSmall(group.answered, threshold)).toBe(false)
          if (!state.question)
            expect(
              lineIsSafe(
                group.cells.map((cell) => cell.count),
                state.cells,
                threshold,
              ),
            ).toBe(true)
        })
        whole.cells.forEach((_, index) => {
          if (published.question || published.cells[index]) return
          const values = groups.map((group) => group.cells[index]?.count ?? 0)
          const hidden = states.map((state) => cellHidden(state, index))
          expect(lineIsSafe(values, hidden, threshold)).toBe(true)
        })
        if (!published.question) {
          const hidden = states.map((state) => state.question)
          expect(
            lineIsSafe(
              groups.map((group) => group.answered),
              hidden,
              threshold,
            ),
          ).toBe(true)
        }
        if (!published.denominator) {
          const hidden = states.map((state) => state.question || state.denominator)
          expect(lineIsSafe(groups.map(denominatorOf), hidden, threshold)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
