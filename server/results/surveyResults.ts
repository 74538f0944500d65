import type { Queryable } from '../db/database'
import type { QuestionDefinition, SurveyDefinition } from '../surveys/definitionSchema'
import type { AnswerCounts, CountAnswersOptions, QuestionCounts } from './countAnswers'
import { figure } from './figure'
import { headlineAnswersFor } from './headlineAnswers'
import { loadCounts } from './loadCounts'
import { percentage, wilsonInterval } from './statistics'
import { denominatorOf, suppressTable } from './suppression'
import { tabulateQuestion } from './tabulateQuestion'
import { isSmall, thresholdFrom } from './threshold'
import type { Headline, QuestionResult, SurveyResults } from './types'

/** Free text has no table: how many answered, and how many wrote something, each shown or not. */
function buildTextResult(
  question: QuestionDefinition,
  counts: QuestionCounts | undefined,
  threshold: number,
): QuestionResult {
  const answered = counts?.answered ?? 0
  const tooFew = isSmall(answered, threshold)
  return {
    questionId: question.id,
    type: question.type,
    answered: figure(answered, tooFew),
    denominator: figure(answered, tooFew),
    options: [],
    textAnswers: figure(counts?.written ?? 0, tooFew || isSmall(counts?.written ?? 0, threshold)),
  }
}

function buildChoiceResult(
  question: QuestionDefinition,
  counts: QuestionCounts | undefined,
  threshold: number,
): QuestionResult {
  const table = tabulateQuestion(question, counts)
  const hidden = suppressTable(table, threshold)
  const denominator = denominatorOf(table)
  const options = table.cells.map((cell, index) => {
    const cellHidden = hidden.cells[index] ?? true
    const shownShare = !cell.notCounted && !cellHidden && !hidden.denominator
    return {
      value: cell.value,
      count: figure(cell.count, cellHidden),
      percentage: shownShare ? percentage(cell.count, denominator) : null,
      notCounted: cell.notCounted,
    }
  })
  const positive = headlineAnswersFor(question.type)
  const result: QuestionResult = {
    questionId: question.id,
    type: question.type,
    answered: figure(table.answered, hidden.question),
    denominator: figure(denominator, hidden.denominator),
    options,
  }
  if (!positive) return result
  const numerator = table.cells.reduce((sum, cell) => (cell.positive ? sum + cell.count : sum), 0)
  const shareHidden = hidden.numerator || hidden.denominator
  const headline: Headline = {
    positive: [...positive],
    numerator: figure(numerator, hidden.numerator),
    percentage: shareHidden ? null : percentage(numerator, denominator),
    interval: shareHidden ? null : wilsonInterval(numerator, denominator),
  }
  return { ...result, headline }
}

/**
 * A survey's results for one selection, question by question in the definition's order, with small
 * numbers already suppressed. Percentages are kept at full precision: whoever shows them rounds them
 * (to one decimal place), so nothing is ever computed from a rounded figure.
 */
export function buildSurveyResults(input: {
  definition: SurveyDefinition
  counts: AnswerCounts
  threshold?: number
}): SurveyResults {
  const threshold = thresholdFrom(input.threshold)
  return {
    surveyId: input.counts.surveyId,
    responses: figure(input.counts.responses, isSmall(input.counts.responses, threshold)),
    threshold,
    questions: input.definition.questions.map((question) => {
      const counts = input.counts.questions.get(question.id)
      return question.type === 'free-text'
        ? buildTextResult(question, counts, threshold)
        : buildChoiceResult(question, counts, threshold)
    }),
  }
}

/**
 * Results for a selection of a survey's responses, read by the newest version's definition (see
 * loadCounts for responses to older versions).
 */
export async function loadSurveyResults(
  db: Queryable,
  options: CountAnswersOptions & { threshold?: number },
): Promise<SurveyResults> {
  const { definition, counts } = await loadCounts(db, options)
  return buildSurveyResults({ definition, counts, threshold: options.threshold })
}
