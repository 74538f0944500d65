import type { Queryable } from '../db/database'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyWordsByLanguage } from '../surveys/words'

/** How a survey is named: by its slug (in URLs), or by slug or id (at the command line). */
export type SurveyName = { slug: string } | { slugOrId: string }

export interface SurveyForFile {
  surveyId: string
  slug: string
  version: number
  /** True when the definition and words are the builder's unpublished working copy. */
  workingCopy: boolean
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
}

/**
 * One of the organisation's surveys, as the builder shows it: its working copy when an analyst has
 * unpublished changes, otherwise its newest version.
 */
export async function findSurveyForFile(
  db: Queryable,
  organisationId: string,
  name: SurveyName,
): Promise<SurveyForFile | undefined> {
  const [text, orId] = 'slug' in name ? [name.slug, false] : [name.slugOrId, true]
  const rows = await db.query<{
    survey_id: string
    slug: string
    version: number
    working_copy: boolean
    definition: SurveyDefinition
    words: SurveyWordsByLanguage
  }>(
    `SELECT s.id AS survey_id, s.slug, v.version, (w.survey_id IS NOT NULL) AS working_copy,
            COALESCE(w.definition, v.definition) AS definition, COALESCE(w.words, v.words) AS words
       FROM surveys s
       JOIN LATERAL (SELECT version, definition, words FROM survey_versions sv
                      WHERE sv.organisation_id = s.organisation_id AND sv.survey_id = s.id
                      ORDER BY version DESC LIMIT 1) v ON true
       LEFT JOIN survey_working_copies w ON w.organisation_id = s.organisation_id AND w.survey_id = s.id
      WHERE s.organisation_id = $1 AND (s.slug = $2 OR ($3::boolean AND s.id::text = lower($2)))
      ORDER BY s.slug = $2 DESC LIMIT 1`,
    [organisationId, text, orId],
  )
  const row = rows[0]
  if (!row) return undefined
  return {
    surveyId: row.survey_id,
    slug: row.slug,
    version: row.version,
    workingCopy: row.working_copy,
    definition: row.definition,
    words: row.words,
  }
}

/**
 * Holds the organisation's survey slugs until the transaction ends, so two imports at once cannot
 * both pick the same free slug (the second waits, then sees the first's).
 */
export async function lockSurveySlugs(db: Queryable, organisationId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('survey-slugs:' || $1))`, [organisationId])
}

export async function listOutcomeSlugs(db: Queryable, organisationId: string): Promise<string[]> {
  const rows = await db.query<{ slug: string }>('SELECT slug FROM outcomes WHERE organisation_id = $1', [
    organisationId,
  ])
  return rows.map((row) => row.slug)
}
