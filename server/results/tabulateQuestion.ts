import type { QuestionDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { QuestionCounts } from './countAnswers'
import { headlineAnswersFor } from './headlineAnswers'
import type { CountCell, CountTable } from './suppression'

export interface OptionCell extends CountCell {
  value: string
}

/** One cell for every value the question offers, in the order shown. */
export interface QuestionTable extends CountTable {
  cells: OptionCell[]
}

/**
 * A choice question's table: every option it offers, in order, with 0 for options nobody chose.
 * Read by a survey's combined definition, that is every option any version offered (see
 * server/surveyVersions), so an answer to an option since removed still counts. A stored value the
 * definition does not offer at all is left out; for questions with one answer, "answered" is then
 * the cells added up, so the percentages still total 100 and no left-out count can be worked out as
 * answered minus the cells shown. A multiple-choice answer counts in several cells, so there
 * "answered" is the database's count of people.
 */
export function tabulateQuestion(
  question: QuestionDefinition,
  counts: QuestionCounts | undefined,
): QuestionTable {
  const type = questionTypeFor(question)
  const notCounted = new Set(type.notCounted(question))
  const positive = new Set(headlineAnswersFor(question.type))
  const cells = type.values(question).map((value) => ({
    value,
    count: counts?.options.get(value) ?? 0,
    notCounted: notCounted.has(value),
    positive: positive.has(value),
  }))
  const answered =
    question.type === 'multiple-choice'
      ? (counts?.answered ?? 0)
      : cells.reduce((sum, cell) => sum + cell.count, 0)
  return { answered, cells }
}
