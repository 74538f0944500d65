import { percentage } from '../../statistics/proportions'
import { monthsOf, parsePeriod, periodContaining } from './periods'
import type { CubeCell, Indicator, IndicatorFact, PartFact, SurveyCounting } from './types'

const matches = (cell: CubeCell, counting: SurveyCounting): boolean =>
  counting.questions.includes(cell.questionId) &&
  (counting.language === undefined || counting.language === cell.language) &&
  Object.entries(counting.aboutYou).every(([question, answer]) => cell.aboutYou[question] === answer)

/**
 * A survey indicator's facts for every period of its frequency that has ratings: the cells it
 * counts, added up by period. Positive answers are the numerator; every answer but the excluded
 * ones is the denominator.
 */
export function surveyFactsFor(
  indicator: Indicator,
  cells: readonly CubeCell[],
): (IndicatorFact | PartFact)[] {
  const counting = indicator.survey?.counting
  if (!counting || counting.questions.length === 0) return []
  const positive = new Set(counting.positive)
  const excluded = new Set(counting.excluded)
  const pooled = counting.questions.length > 1
  // Keyed by period, and for a pooled indicator also by period and question (see PartFact).
  const byPeriod = new Map<string, { numerator: number; denominator: number }>()
  const periodOfMonth = new Map<string, string>()
  for (const cell of cells) {
    if (!matches(cell, counting)) continue
    let key = periodOfMonth.get(cell.month)
    if (key === undefined) {
      key = periodContaining(indicator.frequency, `${cell.month}-01`).key
      periodOfMonth.set(cell.month, key)
    }
    for (const slot of pooled ? [key, `${key}\u0000${cell.questionId}`] : [key]) {
      const sums = byPeriod.get(slot) ?? { numerator: 0, denominator: 0 }
      byPeriod.set(slot, sums)
      if (excluded.has(cell.answer)) continue
      sums.denominator += cell.ratings
      if (positive.has(cell.answer)) sums.numerator += cell.ratings
    }
  }
  return [...byPeriod].map(([slot, { numerator, denominator }]) => {
    const [period = slot, questionId] = slot.split('\u0000')
    const fact = {
      indicatorId: indicator.id,
      period,
      numerator,
      denominator,
      value: percentage(numerator, denominator),
    }
    return questionId === undefined ? fact : { ...fact, questionId }
  })
}

/** The months a fact covers, for deciding which facts lie inside others. */
export function monthsOfFact(indicator: Indicator, period: string): string[] {
  const parsed = parsePeriod(indicator.frequency, period)
  return parsed ? monthsOf(parsed) : []
}
