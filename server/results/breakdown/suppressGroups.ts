import {
  denominatorOf,
  needsSecondary,
  smallestShown,
  suppressTable,
  type CountCell,
  type CountTable,
  type TableSuppression,
} from '../suppression'
import { isSmall, thresholdFrom } from '../../statistics/threshold'

/** What is withheld in each group's table, in the groups' order. */
export type GroupSuppression = TableSuppression[]

/** One line of figures across the groups (an answer, "answered", a denominator, a headline). */
interface Line {
  values: number[]
  hidden: boolean[]
}

/**
 * The group to withhold next on a line whose total is published; undefined when the line is safe.
 * Hidden figures that are all zero (the cells of a group withheld whole) need no cover: working out
 * that nobody in a group gave an answer singles no one out.
 */
function nextOnLine(line: Line, threshold: number): number | undefined {
  if (line.values.every((value, index) => !line.hidden[index] || value === 0)) return undefined
  const table: CountTable = {
    answered: line.values.reduce((sum, value) => sum + value, 0),
    cells: line.values.map((count) => ({ count, notCounted: false, positive: false })),
  }
  return needsSecondary(table, line.hidden, threshold) ? smallestShown(table, line.hidden) : undefined
}

const sum = (cells: readonly CountCell[], pick: (cell: CountCell) => boolean): number =>
  cells.reduce((total, cell) => (pick(cell) ? total + cell.count : total), 0)

const hideWhole = (table: CountTable): TableSuppression => ({
  question: true,
  cells: table.cells.map(() => true),
  denominator: true,
  numerator: true,
})

/**
 * Keeps one group's table safe after more of it was hidden: rule d of suppressTable again over its
 * cells; the denominator hidden whenever a not-counted answer is (rule e); and a denominator hidden
 * from across the groups made unrecoverable by hiding a not-counted answer too, or, with none to
 * hide, the whole table.
 */
function settleGroup(table: CountTable, state: TableSuppression, threshold: number): TableSuppression {
  if (state.question) return hideWhole(table)
  const cells = [...state.cells]
  let denominator = state.denominator || table.cells.some((cell, index) => cell.notCounted && cells[index])
  if (denominator && !table.cells.some((cell, index) => cell.notCounted && cell.count > 0 && cells[index])) {
    const notCounted = table.cells.findIndex(
      (cell, index) => cell.notCounted && cell.count > 0 && !cells[index],
    )
    if (notCounted < 0) return hideWhole(table)
    cells[notCounted] = true
  }
  while (needsSecondary(table, cells, threshold)) {
    const next = smallestShown(table, cells)
    if (next === undefined) return hideWhole(table)
    cells[next] = true
  }
  denominator ||= table.cells.some((cell, index) => cell.notCounted && cells[index])
  const hiddenCells = table.cells.filter((_, index) => cells[index])
  const splitsHidden = hiddenCells.some((cell) => cell.positive) && hiddenCells.some((cell) => !cell.positive)
  const numerator =
    state.numerator ||
    splitsHidden ||
    isSmall(
      sum(table.cells, (cell) => cell.positive),
      threshold,
    )
  return { question: false, cells, denominator, numerator }
}

interface LineRule {
  /** Whether the line's total is on the results page; a withheld total gives nothing away. */
  shown: boolean
  line: Line
  apply: (state: TableSuppression) => TableSuppression
}

/** Each answer's count, the number who answered, the denominator and the headline numerator. */
function linesOf(
  groups: readonly CountTable[],
  states: TableSuppression[],
  published: TableSuppression,
): LineRule[] {
  const cells = groups[0]?.cells ?? []
  return [
    ...cells.map((_, cell) => ({
      shown: !published.question && !published.cells[cell],
      line: {
        values: groups.map((group) => group.cells[cell]?.count ?? 0),
        hidden: states.map((state) => state.question || (state.cells[cell] ?? true)),
      },
      apply: (state: TableSuppression) => ({
        ...state,
        cells: state.cells.map((hidden, index) => hidden || index === cell),
      }),
    })),
    {
      shown: !published.question,
      line: { values: groups.map((group) => group.answered), hidden: states.map((state) => state.question) },
      apply: (state) => ({ ...state, question: true }),
    },
    {
      shown: !published.denominator,
      line: {
        values: groups.map(denominatorOf),
        hidden: states.map((state) => state.question || state.denominator),
      },
      apply: (state) => ({ ...state, denominator: true }),
    },
    {
      shown: !published.numerator,
      line: {
        values: groups.map((group) => sum(group.cells, (cell) => cell.positive)),
        hidden: states.map((state) => state.question || state.numerator),
      },
      apply: (state) => ({ ...state, numerator: true }),
    },
  ]
}

/**
 * Small-number suppression for one question broken down by groups that split every response in
 * the selection between them (each answer to an about-you question, and those who gave none). Each
 * group's table is first suppressed on its own, exactly as the results page does (suppressTable).
 * Then, because each line of figures across the groups adds up to a figure the results page shows
 * for the whole selection, every such line must also pass rule d: while fewer than two of its
 * figures are hidden, or the k hidden total less than t + k - 2, the smallest still shown is hidden
 * too. The lines are each answer's count, the number who answered, the denominator and the headline
 * numerator; a line is skipped when its total is itself withheld on the results page. Hiding one
 * figure can unsettle another line, so figures are hidden one at a time until every line is safe;
 * each step only ever hides more, so this ends.
 */
export function suppressGroups(groups: readonly CountTable[], setting?: number): GroupSuppression {
  const threshold = thresholdFrom(setting)
  const first = groups[0]
  if (!first) return []
  const whole: CountTable = {
    answered: groups.reduce((total, group) => total + group.answered, 0),
    cells: first.cells.map((cell, index) => ({
      ...cell,
      count: groups.reduce((total, group) => total + (group.cells[index]?.count ?? 0), 0),
    })),
  }
  const published = suppressTable(whole, threshold)
  const states = groups.map((group) => suppressTable(group, threshold))
  // One figure at a time, each group settled at once, so no line acts on what another already fixed.
  for (;;) {
    const step = linesOf(groups, states, published)
      .map(({ shown, line, apply }) => ({ next: shown ? nextOnLine(line, threshold) : undefined, apply }))
      .find(({ next }) => next !== undefined)
    const index = step?.next
    const group = index === undefined ? undefined : groups[index]
    const state = index === undefined ? undefined : states[index]
    if (!step || index === undefined || !group || !state) return states
    states[index] = settleGroup(group, step.apply(state), threshold)
  }
}
