import type { QuestionDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { QuestionCounts } from './countAnswers'
import { figure } from './figure'
import { notAskedFigures } from './notAskedFigures'
import { suppressTable, type CountTable } from './suppression'
import { isSmall } from '../statistics/threshold'
import type { NumberSummary, QuestionResult } from './types'

const wholeNumber = /^-?\d+$/

/** The numbers given, from smallest to largest, one entry a response (counts come grouped by value). */
function numbersGiven(counts: QuestionCounts | undefined): number[] {
  const numbers: number[] = []
  for (const [value, count] of counts?.options ?? [])
    if (wholeNumber.test(value)) for (let each = 0; each < count; each += 1) numbers.push(Number(value))
  return numbers.sort((a, b) => a - b)
}

/** The value a share p of the way along sorted numbers, between neighbours (as spreadsheets' QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p
  const below = sorted[Math.floor(at)] ?? 0
  const above = sorted[Math.ceil(at)] ?? below
  return below + (above - below) * (at - Math.floor(at))
}

/**
 * A number question's results: how many gave a number, the middle (median) and the quartiles of
 * those numbers, and the "I don't know" style answers with their counts, left out of the figures.
 * The lowest and highest numbers are never shown: each is one person's answer. The counts are
 * suppressed as any table's are (the numbers given as one cell), and the median and quartiles only
 * come from at least as many numbers as the threshold.
 */
export function buildNumberResult(
  question: QuestionDefinition,
  counted: { counts: QuestionCounts | undefined; responses: number; threshold: number },
): QuestionResult {
  const { counts, threshold } = counted
  const numbers = numbersGiven(counts)
  const aside = questionTypeFor(question).notCounted(question)
  const table: CountTable = {
    answered: numbers.length + aside.reduce((sum, value) => sum + (counts?.options.get(value) ?? 0), 0),
    cells: [
      { count: numbers.length, notCounted: false, positive: false },
      ...aside.map((value) => ({
        count: counts?.options.get(value) ?? 0,
        notCounted: true,
        positive: false,
      })),
    ],
  }
  const hidden = suppressTable(table, threshold)
  const numbersHidden = hidden.denominator || hidden.cells[0] === true
  const summaryShown = !numbersHidden && numbers.length > 0 && !isSmall(numbers.length, threshold)
  const numbersSummary: NumberSummary = {
    median: summaryShown ? quantile(numbers, 0.5) : null,
    lowerQuartile: summaryShown ? quantile(numbers, 0.25) : null,
    upperQuartile: summaryShown ? quantile(numbers, 0.75) : null,
  }
  return {
    questionId: question.id,
    type: question.type,
    answered: figure(table.answered, hidden.question),
    denominator: figure(numbers.length, numbersHidden),
    options: aside.map((value, index) => ({
      value,
      count: figure(table.cells[index + 1]?.count ?? 0, hidden.cells[index + 1] ?? true),
      percentage: null,
      notCounted: true,
    })),
    numbers: numbersSummary,
    ...notAskedFigures({ ...counted, questionHidden: hidden.question }),
  }
}
