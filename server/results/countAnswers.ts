import type { Queryable } from '../db/database'
import type { ResultsFilter } from './types'

export interface QuestionCounts {
  /** Responses that answered: a string or a non-empty list. null (skipped) is not an answer. */
  answered: number
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
 * The selection, shared by both queries, with parameters $1-$6 (a constant: nothing from a request
 * is ever written into SQL). An about-you filter is one jsonb
 * containment test (answers @> {"age-group": "12-15"}), as in the exports, so a download of a
 * selection holds exactly the responses its results count.
 */
const selection = `organisation_id = $1 AND survey_id = $2
  AND ($3::timestamptz IS NULL OR submitted_at >= $3::timestamptz)
  AND ($4::timestamptz IS NULL OR submitted_at < $4::timestamptz)
  AND ($5::text IS NULL OR language = $5::text)
  AND ($6::jsonb IS NULL OR answers @> $6::jsonb)`

/**
 * One pass over the selection. Every answer becomes one row per value chosen (a string is a list of
 * one); the first of those rows stands for the answer itself. Grouping sets give both the count per
 * value and, per question, how many answered. Free-text answers (questions that are free text in any
 * version) are grouped under no value, so nobody's words are ever grouped, compared or returned.
 */
const countAnswersSql = `
WITH text_question AS (
  SELECT DISTINCT question ->> 'id' AS id
    FROM survey_versions
   CROSS JOIN LATERAL jsonb_array_elements(definition -> 'questions') AS question
   WHERE organisation_id = $1 AND survey_id = $2 AND question ->> 'type' = 'free-text'
), answer AS (
  SELECT entry.key AS question_id, entry.value AS answer,
         entry.key IN (SELECT id FROM text_question) AS is_text
    FROM responses
   CROSS JOIN LATERAL jsonb_each(answers) AS entry
   WHERE ${selection}
), choice AS (
  SELECT question_id,
         CASE WHEN NOT is_text THEN element.value END AS value,
         element.position = 1 AS first,
         is_text AND element.value ~ '[^[:space:]]' AS written
    FROM answer
   CROSS JOIN LATERAL jsonb_array_elements_text(
           CASE jsonb_typeof(answer)
             WHEN 'array' THEN answer
             WHEN 'string' THEN jsonb_build_array(answer)
             ELSE '[]'::jsonb
           END) WITH ORDINALITY AS element(value, position)
)
SELECT question_id, value, GROUPING(value) = 1 AS per_question,
       count(*)::integer AS chosen,
       count(*) FILTER (WHERE first)::integer AS answered,
       count(*) FILTER (WHERE first AND written)::integer AS written
  FROM choice
 GROUP BY GROUPING SETS ((question_id), (question_id, value))`

interface CountRow {
  question_id: string
  value: string | null
  per_question: boolean
  chosen: number
  answered: number
  written: number
}

function selectionParameters(options: CountAnswersOptions): unknown[] {
  const { filter } = options
  return [
    options.organisationId,
    options.surveyId,
    filter.from ?? null,
    filter.to ?? null,
    filter.language ?? null,
    filter.aboutYou ? JSON.stringify(filter.aboutYou) : null,
  ]
}

function questionCountsFrom(rows: CountRow[]): Map<string, QuestionCounts> {
  const questions = new Map<string, QuestionCounts>()
  const countsFor = (questionId: string): QuestionCounts => {
    const existing = questions.get(questionId)
    if (existing) return existing
    const created: QuestionCounts = { answered: 0, written: 0, options: new Map() }
    questions.set(questionId, created)
    return created
  }
  for (const row of rows) {
    const counts = countsFor(row.question_id)
    if (row.per_question) {
      counts.answered = row.answered
      counts.written = row.written
    } else if (row.value !== null) counts.options.set(row.value, row.chosen)
  }
  return questions
}

/**
 * How many responses a selection holds, and per question how many answered and chose each value,
 * counted by the database in two queries whatever the number of responses.
 */
export async function countAnswers(db: Queryable, options: CountAnswersOptions): Promise<AnswerCounts> {
  const parameters = selectionParameters(options)
  const [totals, rows] = await Promise.all([
    db.query<{ responses: number }>(
      `SELECT count(*)::integer AS responses FROM responses WHERE ${selection}`,
      parameters,
    ),
    db.query<CountRow>(countAnswersSql, parameters),
  ])
  return {
    surveyId: options.surveyId,
    responses: totals[0]?.responses ?? 0,
    questions: questionCountsFrom(rows),
  }
}
