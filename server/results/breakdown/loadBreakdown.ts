import type { Queryable } from '../../db/database'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import type { CombinedSurvey } from '../../surveyVersions/combineVersions'
import { loadCombinedSurvey } from '../../surveyVersions/loadCombinedSurvey'
import type { CountAnswersOptions, QuestionCounts } from '../countAnswers'
import type { TableSuppression } from '../suppression'
import { tabulateQuestion, type QuestionTable } from '../tabulateQuestion'
import { thresholdFrom } from '../../statistics/threshold'
import { countAnswersByGroup } from './queries'
import { suppressGroups } from './suppressGroups'

/** An answer to the about-you question, or null for the responses that gave none. */
export type GroupValue = string | null

export interface GroupTable {
  group: GroupValue
  table: QuestionTable
  hidden: TableSuppression
}

export interface QuestionBreakdown {
  question: QuestionDefinition
  groups: GroupTable[]
}

export interface Breakdown {
  survey: CombinedSurvey
  by: QuestionDefinition
  threshold: number
  questions: QuestionBreakdown[]
}

/** About-you questions with one answer each: their answers split the responses into groups. */
export const canBreakDownBy = (question: QuestionDefinition): boolean =>
  question.aboutYou && questionTypeFor(question).control === 'radios'

/** Questions whose answers are counted in a table: every choice question but the one broken down by. */
const isCounted = (question: QuestionDefinition, by: QuestionDefinition): boolean =>
  question.id !== by.id && ['radios', 'checkboxes'].includes(questionTypeFor(question).control)

/** Counts per question, by group: each answer the about-you question offers, then "did not answer". */
type GroupedCounts = Map<GroupValue, Map<string, QuestionCounts> | undefined>

/**
 * The groups in order. "Did not answer" holds the responses with no answer to the about-you
 * question, and any with an answer it no longer offers in any version, so that the groups always
 * add up to the whole selection.
 */
function groupsOf(counts: Map<string | null, Map<string, QuestionCounts>>, offered: string[]): GroupedCounts {
  const remainder = new Map<string, QuestionCounts>()
  for (const [group, questions] of counts) {
    if (group !== null && offered.includes(group)) continue
    for (const [questionId, question] of questions) {
      const into = remainder.get(questionId) ?? {
        answered: 0,
        blank: 0,
        written: 0,
        options: new Map<string, number>(),
      }
      into.answered += question.answered
      into.blank += question.blank
      for (const [value, count] of question.options)
        into.options.set(value, (into.options.get(value) ?? 0) + count)
      remainder.set(questionId, into)
    }
  }
  const groups: GroupedCounts = new Map(offered.map((group) => [group, counts.get(group)]))
  return groups.set(null, remainder)
}

function breakDownQuestion(
  question: QuestionDefinition,
  groups: GroupedCounts,
  threshold: number,
): QuestionBreakdown {
  const tables = [...groups].map(([group, counts]) => ({
    group,
    table: tabulateQuestion(question, counts?.get(question.id)),
  }))
  const hidden = suppressGroups(
    tables.map(({ table }) => table),
    threshold,
  )
  return {
    question,
    groups: tables.map((entry, index) => ({ ...entry, hidden: hidden[index] ?? suppressAll(entry.table) })),
  }
}

const suppressAll = (table: QuestionTable): TableSuppression => ({
  question: true,
  cells: table.cells.map(() => true),
  denominator: true,
  numerator: true,
})

/**
 * Every counted question of a selection, broken down by the answers to one about-you question: a
 * group per answer it offers (as the results page's about-you filter narrows the selection) and the
 * rest of the selection as a "did not answer" group, so the groups add up to the results page's
 * figures and are suppressed together (suppressGroups). One query counts every group.
 */
export async function loadBreakdown(
  db: Queryable,
  options: CountAnswersOptions & { by: string; threshold?: number },
): Promise<Breakdown | undefined> {
  const survey = await loadCombinedSurvey(db, options)
  const by = survey.definition.questions.find((question) => question.id === options.by)
  if (!by || !canBreakDownBy(by)) return undefined
  const threshold = thresholdFrom(options.threshold)
  const counted = survey.definition.questions.filter((question) => isCounted(question, by))
  const counts = await countAnswersByGroup(db, {
    ...options,
    questionIds: counted.map((question) => question.id),
  })
  const groups = groupsOf(counts, questionTypeFor(by).values(by))
  return {
    survey,
    by,
    threshold,
    questions: counted.map((question) => breakDownQuestion(question, groups, threshold)),
  }
}
