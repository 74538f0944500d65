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
 * The selection, with parameters $1-$6; a constant, so nothing from a request is ever written into
 * SQL. An about-you filter is one jsonb containment test (answers @> {"age-group": "12-15"}), as in
 * the exports, so a download of a selection holds exactly the responses its results count.
 */
const selection = `organisation_id = $1 AND survey_id = $2
  AND ($3::timestamptz IS NULL OR submitted_at >= ($3::timestamptz AT TIME ZONE 'Europe/London')::date)
  AND ($4::timestamptz IS NULL OR submitted_at < ($4::timestamptz AT TIME ZONE 'Europe/London')::date)
  AND ($5::text IS NULL OR language = $5::text)
  AND ($6::jsonb IS NULL OR answers @> $6::jsonb)`

/** The selection's size, and the questions that are free text in any version of the survey. */
const sizeSql = `
SELECT (SELECT count(*)::integer FROM responses WHERE ${selection}) AS responses,
       ARRAY(SELECT DISTINCT question ->> 'id'
               FROM survey_versions
              CROSS JOIN LATERAL jsonb_array_elements(definition -> 'questions') AS question
              WHERE organisation_id = $1 AND survey_id = $2 AND question ->> 'type' = 'free-text'
            ) AS text_questions`

/**
 * Each distinct answer to each question, and how many gave it: one pass, grouped by the database,
 * so the rows returned number the distinct answers, however many responses there are. Free text
 * ($7) is grouped as one null answer, so nobody's words are grouped, compared or returned; it is
 * only checked for something other than white space. jsonb_each_text is used over jsonb_each as it
 * is about twice as fast here: lists come back as JSON text, read by listValues.
 */
const answersSql = `
SELECT entry.key AS question_id,
       CASE WHEN entry.key = ANY ($7::text[]) THEN NULL ELSE entry.value END AS answer,
       count(*)::integer AS responses,
       count(*) FILTER (WHERE entry.key = ANY ($7::text[]) AND entry.value ~ '[^[:space:]]')::integer AS written
  FROM responses
 CROSS JOIN LATERAL jsonb_each_text(answers) AS entry
 WHERE ${selection} AND entry.value IS NOT NULL
 GROUP BY 1, 2`

interface AnswerRow {
  question_id: string
  answer: string | null
  responses: number
  written: number
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
    counts.answered += row.responses
    counts.written += row.written
    return
  }
  const values = listValues(row.answer)
  if (values.length > 0) counts.answered += row.responses
  for (const value of values) counts.options.set(value, (counts.options.get(value) ?? 0) + row.responses)
}

function questionCountsFrom(rows: AnswerRow[]): Map<string, QuestionCounts> {
  const questions = new Map<string, QuestionCounts>()
  for (const row of rows) {
    const counts = questions.get(row.question_id) ?? { answered: 0, written: 0, options: new Map() }
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
  const parameters = [
    options.organisationId,
    options.surveyId,
    filter.from ?? null,
    filter.to ?? null,
    filter.language ?? null,
    filter.aboutYou ? JSON.stringify(filter.aboutYou) : null,
  ]
  const [size] = await db.query<{ responses: number; text_questions: string[] }>(sizeSql, parameters)
  const rows = await db.query<AnswerRow>(answersSql, [...parameters, size?.text_questions ?? []])
  return { surveyId: options.surveyId, responses: size?.responses ?? 0, questions: questionCountsFrom(rows) }
}
