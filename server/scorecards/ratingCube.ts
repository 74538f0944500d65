import type { Queryable } from '../db/database'

/** Ratings counted by month, language, about-you answers, question and answer: one survey's counts. */
export interface CubeCell {
  month: string
  language: string
  aboutYou: Record<string, string>
  questionId: string
  answer: string
  ratings: number
}

/**
 * One pass over a survey's responses, grouped by the database, so the rows returned number the
 * distinct combinations, however many responses there are. Every period is a run of whole London
 * months, so each indicator's facts for every frequency are sums of these cells. Only the about-you
 * answers some indicator filters on are kept, so the groups stay few, and only the questions some
 * indicator counts are read, by key; free text is never read. The SQL is one of two constants, built
 * once at start from fixed pieces, never from a request.
 */
const countsSql = (aboutYou: string, join: string, questions: string) => `
SELECT to_char(r.submitted_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
       r.language,
       ${aboutYou} AS about_you,
       question.id AS question_id,
       r.answers ->> question.id AS answer,
       count(*)::integer AS ratings
  FROM responses r ${join}
 CROSS JOIN unnest(${questions}::text[]) AS question(id)
 WHERE r.organisation_id = $1 AND r.survey_id = $2 AND r.answers ->> question.id IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5`

/** Questions in $3; no about-you answers kept. */
const plainSql = countsSql(`'{}'::jsonb`, '', '$3')

/** About-you question ids in $3, counted questions in $4. */
const byAboutYouSql = countsSql(
  'about.answers',
  `CROSS JOIN LATERAL (SELECT coalesce(jsonb_object_agg(chosen.key, r.answers ->> chosen.key), '{}'::jsonb) AS answers
                        FROM unnest($3::text[]) AS chosen(key)
                       WHERE r.answers ->> chosen.key IS NOT NULL) AS about`,
  '$4',
)

interface CubeRow {
  month: string
  language: string
  about_you: Record<string, string>
  question_id: string
  answer: string
  ratings: number
}

export async function countRatings(
  db: Queryable,
  options: { organisationId: string; surveyId: string; questions: string[]; aboutYouKeys: string[] },
): Promise<CubeCell[]> {
  if (options.questions.length === 0) return []
  const key = [options.organisationId, options.surveyId]
  const rows =
    options.aboutYouKeys.length > 0
      ? await db.query<CubeRow>(byAboutYouSql, [...key, options.aboutYouKeys, options.questions])
      : await db.query<CubeRow>(plainSql, [...key, options.questions])
  return rows.map((row) => ({
    month: row.month,
    language: row.language,
    aboutYou: row.about_you,
    questionId: row.question_id,
    answer: row.answer,
    ratings: row.ratings,
  }))
}
