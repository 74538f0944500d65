import { defaultThreshold, isSmall, thresholdFrom } from '../statistics/threshold'

/** One answer's count in a question's table. */
export interface CountCell {
  count: number
  /** "I don't know", "prefer not to say": shown, but left out of the denominator. */
  notCounted: boolean
  /** One of the answers the headline adds up (e.g. "very important"). */
  positive: boolean
}

export interface CountTable {
  /** Everyone who answered, including the not-counted answers. */
  answered: number
  cells: readonly CountCell[]
}

/** What must be withheld from one table; each flag true means "do not show". */
export interface TableSuppression {
  /** Everything about the question: its counts, percentages, denominator and headline. */
  question: boolean
  /** One flag per cell, in the table's order. */
  cells: boolean[]
  /** The denominator, and with it every percentage and interval of the question. */
  denominator: boolean
  /** The headline numerator (the positive cells added up). */
  numerator: boolean
}

export const denominatorOf = (table: CountTable): number =>
  table.cells.reduce((left, cell) => (cell.notCounted ? left - cell.count : left), table.answered)

const withholdAll = (table: CountTable): TableSuppression => ({
  question: true,
  cells: table.cells.map(() => true),
  denominator: true,
  numerator: true,
})

export function needsSecondary(table: CountTable, hidden: boolean[], threshold: number): boolean {
  const hiddenCounts = table.cells.filter((_, index) => hidden[index]).map((cell) => cell.count)
  if (hiddenCounts.length === 0) return false
  const hiddenTotal = hiddenCounts.reduce((sum, count) => sum + count, 0)
  return hiddenCounts.length < 2 || hiddenTotal < threshold + hiddenCounts.length - 2
}

/** The smallest non-zero count still shown; on a tie the later option. */
export function smallestShown(table: CountTable, hidden: boolean[]): number | undefined {
  let smallest: number | undefined
  table.cells.forEach((cell, index) => {
    const best = smallest === undefined ? undefined : table.cells[smallest]
    if (!hidden[index] && cell.count > 0 && (best === undefined || cell.count <= best.count)) smallest = index
  })
  return smallest
}

function hidesNumerator(table: CountTable, hidden: boolean[], threshold: number): boolean {
  const numerator = table.cells.reduce((sum, cell) => (cell.positive ? sum + cell.count : sum), 0)
  const hiddenCells = table.cells.filter((_, index) => hidden[index])
  const splitsHidden = hiddenCells.some((cell) => cell.positive) && hiddenCells.some((cell) => !cell.positive)
  return isSmall(numerator, threshold) || splitsHidden
}

/**
 * Small-number suppression for one question's table, so that no figure shown, nor any sum or
 * difference of figures shown, tells how many people gave an answer when that is from 1 to t - 1
 * (t: the threshold, 10 unless the organisation sets another, never below 5).
 *
 * a. Too few answered: when from 1 to t - 1 people answered, nothing about the question is shown.
 * b. Primary: every count from 1 to t - 1 is hidden. Zero is shown: it singles no one out.
 * c. Small denominator: when answered minus the not-counted answers is from 1 to t - 1, the
 *    denominator is hidden (a percentage of a small group), and so is every non-zero not-counted
 *    count, which would otherwise give it back as answered minus them.
 * d. Secondary: hidden counts must not come back by subtraction from the number who answered. While
 *    fewer than two counts are hidden, or the k hidden counts total less than t + k - 2, the
 *    smallest non-zero count still shown is hidden too (the later option on a tie). The total rule
 *    means that, each hidden count being at least 1, any one of them could still be t - 1: two
 *    hidden 1s total 2, and would otherwise both be known to be 1. When nothing is left to hide,
 *    the whole question is hidden.
 * e. Denominator and every percentage are hidden whenever a not-counted count is hidden: the
 *    denominator would give it back as answered minus the denominator.
 * f. Headline numerator: hidden when from 1 to t - 1, or when the hidden counts mix positive and
 *    other answers, since it would split their total (positive {a, b}, a hidden, b shown: a is the
 *    numerator minus b).
 *
 * Limits: this guards one table. A hidden count may still be shown to be near t - 1 (two hidden
 * counts totalling 18 when t = 10 are both 9), which singles no one out. Differences between
 * selections (all responses, then one language) are not guarded here.
 */
export function suppressTable(table: CountTable, threshold = defaultThreshold): TableSuppression {
  const t = thresholdFrom(threshold)
  if (isSmall(table.answered, t)) return withholdAll(table)
  const hidden = table.cells.map((cell) => isSmall(cell.count, t))
  const smallDenominator = isSmall(denominatorOf(table), t)
  if (smallDenominator)
    table.cells.forEach((cell, index) => {
      if (cell.notCounted && cell.count > 0) hidden[index] = true
    })
  while (needsSecondary(table, hidden, t)) {
    const next = smallestShown(table, hidden)
    if (next === undefined) return withholdAll(table)
    hidden[next] = true
  }
  return {
    question: false,
    cells: hidden,
    denominator: smallDenominator || table.cells.some((cell, index) => cell.notCounted && hidden[index]),
    numerator: hidesNumerator(table, hidden, t),
  }
}
