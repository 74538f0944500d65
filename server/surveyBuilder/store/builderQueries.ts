import type { Queryable } from '../../db/database'
import type { SurveyDefinition } from '../../surveys/definitionSchema'
import type { SurveyStatus } from '../../surveys/queries'
import type { SurveyWordsByLanguage } from '../../surveys/words'
import type { WorkingCopy } from '../model/workingCopy'

/** A survey as the builder sees it: its newest version, and the working copy being edited. */
export interface BuilderSurvey {
  surveyId: string
  slug: string
  status: SurveyStatus
  version: number
  published: WorkingCopy
  /** The copy being edited; the newest version itself while nothing has been changed. */
  copy: WorkingCopy
  /** Whether the copy differs from the newest version (a working copy row exists). */
  changed: boolean
  /** The newest version has responses or drafts, so publishing changes makes a new version. */
  versionInUse: boolean
}

interface BuilderRow {
  survey_id: string
  slug: string
  status: SurveyStatus
  version: number
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
  copy_definition: SurveyDefinition | null
  copy_words: SurveyWordsByLanguage | null
  version_in_use: boolean
}

/**
 * Everything the builder's pages need in one query, however many questions the survey has. FOR UPDATE
 * (in a transaction) makes two saves of one survey take turns, so neither loses the other's change.
 */
export async function findBuilderSurvey(
  db: Queryable,
  organisationId: string,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<BuilderSurvey | undefined> {
  const rows = await db.query<BuilderRow>(
    `SELECT s.id AS survey_id, s.slug, s.status, v.version, v.definition, v.words,
            w.definition AS copy_definition, w.words AS copy_words,
            (EXISTS (SELECT 1 FROM responses r WHERE r.organisation_id = s.organisation_id
                        AND r.survey_id = s.id AND r.version = v.version)
             OR EXISTS (SELECT 1 FROM drafts d WHERE d.organisation_id = s.organisation_id
                           AND d.survey_id = s.id AND d.version = v.version)) AS version_in_use
       FROM surveys s
       JOIN LATERAL (SELECT version, definition, words FROM survey_versions sv
                      WHERE sv.organisation_id = s.organisation_id AND sv.survey_id = s.id
                      ORDER BY version DESC LIMIT 1) v ON true
       LEFT JOIN survey_working_copies w ON w.organisation_id = s.organisation_id AND w.survey_id = s.id
      WHERE s.organisation_id = $1 AND s.slug = $2
      ${options.lock ? 'FOR UPDATE OF s' : ''}`,
    [organisationId, slug],
  )
  const row = rows[0]
  if (!row) return undefined
  const published = { definition: row.definition, words: row.words }
  return {
    surveyId: row.survey_id,
    slug: row.slug,
    status: row.status,
    version: row.version,
    published,
    copy:
      row.copy_definition && row.copy_words
        ? { definition: row.copy_definition, words: row.copy_words }
        : published,
    changed: row.copy_definition !== null,
    versionInUse: row.version_in_use,
  }
}

export async function saveWorkingCopy(
  db: Queryable,
  survey: { organisationId: string; surveyId: string; basedOnVersion: number },
  copy: WorkingCopy,
): Promise<void> {
  await db.query(
    `INSERT INTO survey_working_copies (organisation_id, survey_id, definition, words, based_on_version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id, survey_id)
     DO UPDATE SET definition = EXCLUDED.definition, words = EXCLUDED.words, updated_at = now()`,
    [
      survey.organisationId,
      survey.surveyId,
      JSON.stringify(copy.definition),
      JSON.stringify(copy.words),
      survey.basedOnVersion,
    ],
  )
}

export async function deleteWorkingCopy(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
): Promise<void> {
  await db.query('DELETE FROM survey_working_copies WHERE organisation_id = $1 AND survey_id = $2', [
    survey.organisationId,
    survey.surveyId,
  ])
}

/** Corrects a version nobody has answered or started, in place. */
export async function updateSurveyVersion(
  db: Queryable,
  survey: { organisationId: string; surveyId: string; version: number },
  copy: WorkingCopy,
): Promise<void> {
  await db.query(
    `UPDATE survey_versions SET definition = $4, words = $5, published_at = now()
      WHERE organisation_id = $1 AND survey_id = $2 AND version = $3`,
    [
      survey.organisationId,
      survey.surveyId,
      survey.version,
      JSON.stringify(copy.definition),
      JSON.stringify(copy.words),
    ],
  )
}

/** Every survey of the organisation with its newest title, to copy one. */
export async function listSurveysToCopy(
  db: Queryable,
  organisationId: string,
): Promise<{ slug: string; words: SurveyWordsByLanguage }[]> {
  return db.query(
    `SELECT s.slug, v.words FROM surveys s
       JOIN LATERAL (SELECT words FROM survey_versions sv
                      WHERE sv.organisation_id = s.organisation_id AND sv.survey_id = s.id
                      ORDER BY version DESC LIMIT 1) v ON true
      WHERE s.organisation_id = $1 ORDER BY s.created_at DESC, s.slug`,
    [organisationId],
  )
}
