import type { Queryable } from '../db/database'
import { countAnswerRows, findSelectionSize, type AnswerRow } from './countQueries'
import type { ResultsFilter } from './types'

export interface QuestionCounts {
  /** Responses that answered: a string or a non-empty list. null (left blank) is not an answer. */
  answered: number
  /**
   * Responses that were asked and left it blank: stored as null or an empty list. Responses with no
   * answer stored at all were not asked it (a condition skipped it, or their version lacked it).
   */
  blank: number
  /** Free text only: answers with something other than white space in them. */
  written: number
  /** How many chose each value; a multiple-choice answer counts once for each value chosen. */
  options: Map<string, number>
}

/** Counts for one selection of a survey's responses, keyed by question id as stored in answers. */
export interface AnswerCounts {
  surveyId: string
  responses: number
  questions: Map<string, QuestionCounts>
}

export interface CountAnswersOptions {
  organisationId: string
  surveyId: string
  filter: ResultsFilter
}

/**
 * The values in one stored answer as jsonb_each_text gives it: a list as JSON text, or one value.
 * Option values are stable ids (lower-case words and hyphens), so only a list starts with "[".
 */
function listValues(answer: string): string[] {
  if (!answer.startsWith('[')) return [answer]
  try {
    const parsed: unknown = JSON.parse(answer)
    if (Array.isArray(parsed)) return parsed.filter((value): value is string => typeof value === 'string')
  } catch {
    // Not JSON: a value (never an option) that only happens to start with "[".
  }
  return [answer]
}

function addAnswer(counts: QuestionCounts, row: AnswerRow): void {
  if (row.answer === null) {
    counts.answered += row.responses - row.blank
    counts.blank += row.blank
    counts.written += row.written
    return
  }
  const values = listValues(row.answer)
  if (values.length > 0) counts.answered += row.responses
  else counts.blank += row.responses
  for (const value of values) counts.options.set(value, (counts.options.get(value) ?? 0) + row.responses)
}

export function questionCountsFrom(rows: AnswerRow[]): Map<string, QuestionCounts> {
  const questions = new Map<string, QuestionCounts>()
  for (const row of rows) {
    const counts = questions.get(row.question_id) ?? { answered: 0, blank: 0, written: 0, options: new Map() }
    questions.set(row.question_id, counts)
    addAnswer(counts, row)
  }
  return questions
}

/**
 * How many responses a selection holds, and per question how many answered and chose each value.
 * The database does the counting, in two queries whatever the number of responses; the work left
 * here is per distinct answer (a list of choices is split into its values), never per response.
 */
export async function countAnswers(db: Queryable, options: CountAnswersOptions): Promise<AnswerCounts> {
  const { filter } = options
  const size = await findSelectionSize(db, options, filter)
  const rows = await countAnswerRows(db, options, { filter, textQuestions: size?.text_questions ?? [] })
  return { surveyId: options.surveyId, responses: size?.responses ?? 0, questions: questionCountsFrom(rows) }
}
