import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'

export interface TextAnswer {
  responseId: string
  questionId: string
  text: string
  submittedAt: Date
  language: string
  themeIds: string[]
}

export interface Theme {
  id: string
  name: string
  answers: number
}

interface SurveyKey {
  organisationId: string
  surveyId: string
}

/** Free-text answers to the given questions, newest first, those containing the search words only. */
export async function listTextAnswers(
  db: Queryable,
  survey: SurveyKey,
  options: { questionIds: string[]; search: string; themeId?: string; limit: number; offset: number },
): Promise<{ answers: TextAnswer[]; total: number }> {
  const rows = await db.query<{
    response_id: string
    question_id: string
    text: string
    submitted_at: Date
    language: string
    theme_ids: string[]
    total: number
  }>(
    `WITH texts AS (
       SELECT r.id AS response_id, q.key AS question_id, q.value AS text, r.submitted_at, r.language
         FROM responses r CROSS JOIN LATERAL jsonb_each_text(r.answers) q
        WHERE r.organisation_id = $1 AND r.survey_id = $2 AND q.key = ANY($3::text[])
          AND q.value IS NOT NULL AND q.value <> ''
          AND ($4::text = '' OR q.value ILIKE '%' || $4 || '%')
     )
     SELECT t.*, count(*) OVER ()::integer AS total,
            COALESCE((SELECT array_agg(a.theme_id::text ORDER BY a.theme_id) FROM answer_themes a
                       WHERE a.organisation_id = $1 AND a.response_id = t.response_id AND a.question_id = t.question_id),
                     '{}') AS theme_ids
       FROM texts t
      WHERE $5::uuid IS NULL OR EXISTS (SELECT 1 FROM answer_themes a
                                         WHERE a.organisation_id = $1 AND a.response_id = t.response_id
                                           AND a.question_id = t.question_id AND a.theme_id = $5)
      ORDER BY t.submitted_at DESC, t.response_id, t.question_id
      LIMIT $6 OFFSET $7`,
    [
      survey.organisationId,
      survey.surveyId,
      options.questionIds,
      escapeLike(options.search),
      options.themeId ?? null,
      options.limit,
      options.offset,
    ],
  )
  return {
    total: rows[0]?.total ?? 0,
    answers: rows.map((row) => ({
      responseId: row.response_id,
      questionId: row.question_id,
      text: row.text,
      submittedAt: row.submitted_at,
      language: row.language,
      themeIds: row.theme_ids,
    })),
  }
}

/** Searching for "50%" means the characters, not a pattern. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`)

export async function listThemes(db: Queryable, survey: SurveyKey): Promise<Theme[]> {
  const rows = await db.query<{ id: string; name: string; answers: number }>(
    `SELECT t.id, t.name, count(a.theme_id)::integer AS answers
       FROM survey_themes t
       LEFT JOIN answer_themes a ON a.organisation_id = t.organisation_id AND a.theme_id = t.id
      WHERE t.organisation_id = $1 AND t.survey_id = $2
      GROUP BY t.id, t.name ORDER BY lower(t.name)`,
    [survey.organisationId, survey.surveyId],
  )
  return rows
}

/** The theme with this name (any case), created if new. */
export async function findOrCreateTheme(db: Queryable, survey: SurveyKey, name: string): Promise<string> {
  await db.query(
    `INSERT INTO survey_themes (organisation_id, survey_id, id, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [survey.organisationId, survey.surveyId, randomUUID(), name],
  )
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM survey_themes WHERE organisation_id = $1 AND survey_id = $2 AND lower(name) = lower($3)',
    [survey.organisationId, survey.surveyId, name],
  )
  const id = rows[0]?.id
  if (!id) throw new Error('Theme was not stored')
  return id
}

/** Whether this response to this survey has a free-text answer to the question (so it can be tagged). */
export async function textAnswerExists(
  db: Queryable,
  survey: SurveyKey,
  responseId: string,
  questionId: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND COALESCE(answers->>$4, '') <> ''`,
    [survey.organisationId, survey.surveyId, responseId, questionId],
  )
  return rows.length > 0
}

/** Replaces the answer's themes with exactly these (all belonging to the survey). */
export async function setAnswerThemes(
  db: Queryable,
  survey: SurveyKey,
  answer: { responseId: string; questionId: string; themeIds: string[] },
): Promise<void> {
  await db.query(
    'DELETE FROM answer_themes WHERE organisation_id = $1 AND response_id = $2 AND question_id = $3',
    [survey.organisationId, answer.responseId, answer.questionId],
  )
  await db.query(
    `INSERT INTO answer_themes (organisation_id, response_id, question_id, theme_id)
     SELECT $1, $2, $3, t.id FROM survey_themes t
      WHERE t.organisation_id = $1 AND t.survey_id = $4 AND t.id = ANY($5::uuid[])`,
    [survey.organisationId, answer.responseId, answer.questionId, survey.surveyId, answer.themeIds],
  )
}
