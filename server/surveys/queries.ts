import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { SurveyDefinition } from './definitionSchema'
import type { SurveyTemplate } from './templates'
import type { SurveyWordsByLanguage } from './words'

export type SurveyStatus = 'draft' | 'open' | 'closed'

export interface PublishedSurvey {
  organisationId: string
  organisationSlug: string
  organisationName: string
  surveyId: string
  slug: string
  status: SurveyStatus
  opensAt: Date | null
  closesAt: Date | null
}

export interface SurveyVersion {
  version: number
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
}

export async function insertSurveyFromTemplate(
  db: Queryable,
  options: { organisationId: string; slug: string; template: SurveyTemplate; status: SurveyStatus },
): Promise<string> {
  const surveyId = randomUUID()
  await db.query(
    // A survey created open is opened now, so its opening date is never blank.
    `INSERT INTO surveys (organisation_id, id, slug, template_id, status, opens_at)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'open' THEN now() END)`,
    [options.organisationId, surveyId, options.slug, options.template.definition.id, options.status],
  )
  await insertSurveyVersion(db, {
    organisationId: options.organisationId,
    surveyId,
    version: 1,
    ...options.template,
  })
  return surveyId
}

export async function insertSurveyVersion(
  db: Queryable,
  options: { organisationId: string; surveyId: string; version: number } & SurveyTemplate,
): Promise<void> {
  await db.query(
    `INSERT INTO survey_versions (organisation_id, survey_id, version, definition, words) VALUES ($1, $2, $3, $4, $5)`,
    [
      options.organisationId,
      options.surveyId,
      options.version,
      JSON.stringify(options.definition),
      JSON.stringify(options.words),
    ],
  )
}

export async function findSurveyBySlugs(
  db: Queryable,
  organisationSlug: string,
  surveySlug: string,
): Promise<PublishedSurvey | undefined> {
  const rows = await db.query<{
    organisation_id: string
    organisation_slug: string
    organisation_name: string
    survey_id: string
    slug: string
    status: SurveyStatus
    opens_at: Date | null
    closes_at: Date | null
  }>(
    `SELECT o.id AS organisation_id, o.slug AS organisation_slug, o.name AS organisation_name,
            s.id AS survey_id, s.slug, s.status, s.opens_at, s.closes_at
       FROM organisations o
       JOIN surveys s ON s.organisation_id = o.id
      WHERE o.slug = $1 AND s.slug = $2`,
    [organisationSlug, surveySlug],
  )
  const row = rows[0]
  if (!row) return undefined
  return {
    organisationId: row.organisation_id,
    organisationSlug: row.organisation_slug,
    organisationName: row.organisation_name,
    surveyId: row.survey_id,
    slug: row.slug,
    status: row.status,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
  }
}

/** A given version, or the newest when no version is asked for. */
export async function findSurveyVersion(
  db: Queryable,
  survey: Pick<PublishedSurvey, 'organisationId' | 'surveyId'>,
  version?: number,
): Promise<SurveyVersion | undefined> {
  const rows = await db.query<{
    version: number
    definition: SurveyDefinition
    words: SurveyWordsByLanguage
  }>(
    `SELECT version, definition, words FROM survey_versions
      WHERE organisation_id = $1 AND survey_id = $2 AND ($3::integer IS NULL OR version = $3)
      ORDER BY version DESC LIMIT 1`,
    [survey.organisationId, survey.surveyId, version ?? null],
  )
  return rows[0]
}
