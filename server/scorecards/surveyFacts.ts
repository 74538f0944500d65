import { percentage } from '../results/statistics'
import { monthsOf, parsePeriod, periodContaining } from './periods'
import type { CubeCell } from './ratingCube'
import type { Indicator, IndicatorFact, SurveyCounting } from './types'

const matches = (cell: CubeCell, counting: SurveyCounting): boolean =>
  counting.questions.includes(cell.questionId) &&
  (counting.language === undefined || counting.language === cell.language) &&
  Object.entries(counting.aboutYou).every(([question, answer]) => cell.aboutYou[question] === answer)

/**
 * A survey indicator's facts for every period of its frequency that has ratings: the cells it
 * counts, added up by period. Positive answers are the numerator; every answer but the excluded
 * ones is the denominator.
 */
export function surveyFactsFor(indicator: Indicator, cells: readonly CubeCell[]): IndicatorFact[] {
  const counting = indicator.survey?.counting
  if (!counting || counting.questions.length === 0) return []
  const positive = new Set(counting.positive)
  const excluded = new Set(counting.excluded)
  const byPeriod = new Map<string, { numerator: number; denominator: number }>()
  const periodOfMonth = new Map<string, string>()
  for (const cell of cells) {
    if (!matches(cell, counting)) continue
    let key = periodOfMonth.get(cell.month)
    if (key === undefined) {
      key = periodContaining(indicator.frequency, `${cell.month}-01`).key
      periodOfMonth.set(cell.month, key)
    }
    const sums = byPeriod.get(key) ?? { numerator: 0, denominator: 0 }
    byPeriod.set(key, sums)
    if (excluded.has(cell.answer)) continue
    sums.denominator += cell.ratings
    if (positive.has(cell.answer)) sums.numerator += cell.ratings
  }
  return [...byPeriod].map(([period, { numerator, denominator }]) => ({
    indicatorId: indicator.id,
    period,
    numerator,
    denominator,
    value: percentage(numerator, denominator),
  }))
}

/** The months a fact covers, for deciding which facts lie inside others. */
export function monthsOfFact(indicator: Indicator, period: string): string[] {
  const parsed = parsePeriod(indicator.frequency, period)
  return parsed ? monthsOf(parsed) : []
}
