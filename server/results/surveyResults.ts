import type { Queryable } from '../db/database'
import type { QuestionDefinition, SurveyDefinition } from '../surveys/definitionSchema'
import type { CombinedSurvey } from '../surveyVersions/combineVersions'
import type { AnswerCounts, CountAnswersOptions, QuestionCounts } from './countAnswers'
import { figure } from './figure'
import { headlineAnswersFor } from './headlineAnswers'
import { loadCounts } from './loadCounts'
import { notAskedFigures } from './notAskedFigures'
import { buildNumberResult } from './numberResult'
import { percentage, wilsonInterval } from '../statistics/proportions'
import { denominatorOf, suppressTable } from './suppression'
import { tabulateQuestion } from './tabulateQuestion'
import { isSmall, thresholdFrom } from '../statistics/threshold'
import type { Headline, QuestionResult, SurveyResults } from './types'

/** A question's counts, and the selection they come from. */
interface Counted {
  counts: QuestionCounts | undefined
  responses: number
  threshold: number
}

/** Free text has no table: how many answered, and how many wrote something, each shown or not. */
function buildTextResult(question: QuestionDefinition, counted: Counted): QuestionResult {
  const { counts, threshold } = counted
  const answered = counts?.answered ?? 0
  const tooFew = isSmall(answered, threshold)
  return {
    questionId: question.id,
    type: question.type,
    answered: figure(answered, tooFew),
    denominator: figure(answered, tooFew),
    options: [],
    textAnswers: figure(counts?.written ?? 0, tooFew || isSmall(counts?.written ?? 0, threshold)),
    ...notAskedFigures({ ...counted, questionHidden: tooFew }),
  }
}

function buildChoiceResult(question: QuestionDefinition, counted: Counted): QuestionResult {
  const { counts, threshold } = counted
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
    ...notAskedFigures({ ...counted, questionHidden: hidden.question }),
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
 * A survey's results for one selection, question by question in the definition's order (for a
 * survey with several versions, the combined definition: see server/surveyVersions), with small
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
      const counted = {
        counts: input.counts.questions.get(question.id),
        responses: input.counts.responses,
        threshold,
      }
      if (question.type === 'number') return buildNumberResult(question, counted)
      return question.type === 'free-text'
        ? buildTextResult(question, counted)
        : buildChoiceResult(question, counted)
    }),
  }
}

/**
 * Results for a selection of a survey's responses across all its versions, with the combined survey
 * they are read by (its words and version notes label them).
 */
export async function loadResultsAcrossVersions(
  db: Queryable,
  options: CountAnswersOptions & { threshold?: number },
): Promise<{ results: SurveyResults; survey: CombinedSurvey }> {
  const { survey, definition, counts } = await loadCounts(db, options)
  return { results: buildSurveyResults({ definition, counts, threshold: options.threshold }), survey }
}

/** Results for a selection of a survey's responses, every version combined by question id. */
export async function loadSurveyResults(
  db: Queryable,
  options: CountAnswersOptions & { threshold?: number },
): Promise<SurveyResults> {
  return (await loadResultsAcrossVersions(db, options)).results
}
