import type { Queryable } from '../db/database'
import { responseSelection, selectionParameters } from './responseSelection'
import type { ResultsFilter } from './types'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

/** The selection's size, and the questions that are free text in any version of the survey. */
const sizeSql = `
SELECT (SELECT count(*)::integer FROM responses WHERE ${responseSelection}) AS responses,
       ARRAY(SELECT DISTINCT question ->> 'id'
               FROM survey_versions
              CROSS JOIN LATERAL jsonb_array_elements(definition -> 'questions') AS question
              WHERE organisation_id = $1 AND survey_id = $2 AND question ->> 'type' = 'free-text'
            ) AS text_questions`

/**
 * Each distinct answer to each question, and how many gave it: one pass, grouped by the database,
 * so the rows returned number the distinct answers, however many responses there are. Free text
 * ($7) is grouped as one null answer, so nobody's words are grouped, compared or returned; it is
 * only checked for something other than white space. A stored null (left blank) is grouped as a
 * null answer too, and counted as blank. jsonb_each_text is used over jsonb_each as it is about
 * twice as fast here: lists come back as JSON text, read by listValues.
 */
const answersSql = `
SELECT entry.key AS question_id,
       CASE WHEN entry.value IS NULL OR entry.key = ANY ($7::text[]) THEN NULL ELSE entry.value END AS answer,
       count(*)::integer AS responses,
       count(*) FILTER (WHERE entry.value IS NULL)::integer AS blank,
       count(*) FILTER (WHERE entry.key = ANY ($7::text[]) AND entry.value ~ '[^[:space:]]')::integer AS written
  FROM responses
 CROSS JOIN LATERAL jsonb_each_text(answers) AS entry
 WHERE ${responseSelection}
 GROUP BY 1, 2`

export interface AnswerRow {
  question_id: string
  answer: string | null
  responses: number
  blank: number
  written: number
}

export async function findSelectionSize(
  db: Queryable,
  survey: SurveyKey,
  filter: ResultsFilter,
): Promise<{ responses: number; text_questions: string[] } | undefined> {
  const [size] = await db.query<{ responses: number; text_questions: string[] }>(
    sizeSql,
    selectionParameters(survey, filter),
  )
  return size
}

export async function countAnswerRows(
  db: Queryable,
  survey: SurveyKey,
  selection: { filter: ResultsFilter; textQuestions: string[] },
): Promise<AnswerRow[]> {
  return db.query<AnswerRow>(answersSql, [
    ...selectionParameters(survey, selection.filter),
    selection.textQuestions,
  ])
}
