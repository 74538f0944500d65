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
 * answers some indicator filters on are kept, so the groups stay few; free text is never read.
 */
const cubeSql = `
SELECT to_char(r.submitted_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
       r.language,
       about.answers AS about_you,
       entry.key AS question_id,
       entry.value AS answer,
       count(*)::integer AS ratings
  FROM responses r
 CROSS JOIN LATERAL (SELECT coalesce(jsonb_object_agg(chosen.key, chosen.value), '{}'::jsonb) AS answers
                       FROM jsonb_each_text(r.answers) AS chosen
                      WHERE chosen.key = ANY ($3::text[])) AS about
 CROSS JOIN LATERAL jsonb_each_text(r.answers) AS entry
 WHERE r.organisation_id = $1 AND r.survey_id = $2
   AND entry.key = ANY ($4::text[]) AND entry.value IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5`

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
  const rows = await db.query<CubeRow>(cubeSql, [
    options.organisationId,
    options.surveyId,
    options.aboutYouKeys,
    options.questions,
  ])
  return rows.map((row) => ({
    month: row.month,
    language: row.language,
    aboutYou: row.about_you,
    questionId: row.question_id,
    answer: row.answer,
    ratings: row.ratings,
  }))
}
