import type { Queryable } from '../db/database'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { AnswerCounts, CountAnswersOptions } from './countAnswers'
import { figure } from './figure'
import { loadCounts } from './loadCounts'
import { percentage, wilsonInterval } from '../statistics/proportions'
import { denominatorOf, suppressTable } from './suppression'
import { tabulateQuestion } from './tabulateQuestion'
import { isSmall, thresholdFrom } from '../statistics/threshold'
import type { Headline } from './types'

const veryImportant = 'very-important'

/**
 * An importance survey's overall headline: of all the importance ratings given, across every
 * importance question, the share that were "very important" ("I don't know" left out, as in each
 * question). null when the survey has no importance question.
 *
 * Each question's own figures are published beside it, so the overall figure is withheld whenever
 * any question's "very important" count or denominator is: the total minus the questions shown
 * would give the hidden one back. It is also withheld when its own numerator or denominator is
 * from 1 to t - 1.
 */
export function buildOverallHeadline(input: {
  definition: SurveyDefinition
  counts: AnswerCounts
  threshold?: number
}): Headline | null {
  const threshold = thresholdFrom(input.threshold)
  const tables = input.definition.questions
    .filter((question) => question.type === 'importance')
    .map((question) => tabulateQuestion(question, input.counts.questions.get(question.id)))
  if (tables.length === 0) return null
  let numerator = 0
  let denominator = 0
  let hidesQuestion = false
  for (const table of tables) {
    const hidden = suppressTable(table, threshold)
    const index = table.cells.findIndex((cell) => cell.value === veryImportant)
    numerator += table.cells[index]?.count ?? 0
    denominator += denominatorOf(table)
    hidesQuestion ||= hidden.denominator || (hidden.cells[index] ?? true)
  }
  const numeratorHidden = hidesQuestion || isSmall(numerator, threshold)
  const shareHidden = numeratorHidden || isSmall(denominator, threshold)
  return {
    positive: [veryImportant],
    numerator: figure(numerator, numeratorHidden),
    percentage: shareHidden ? null : percentage(numerator, denominator),
    interval: shareHidden ? null : wilsonInterval(numerator, denominator),
  }
}

/** The overall headline for a selection of a survey's responses; what scorecards show. */
export async function loadOverallHeadline(
  db: Queryable,
  options: CountAnswersOptions & { threshold?: number },
): Promise<Headline | null> {
  const { definition, counts } = await loadCounts(db, options)
  return buildOverallHeadline({ definition, counts, threshold: options.threshold })
}
