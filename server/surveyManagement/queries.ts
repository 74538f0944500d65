import type { Queryable } from '../db/database'
import { deleteAfterSql } from '../retention/queries'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyStatus } from '../surveys/queries'
import type { SurveyWordsByLanguage } from '../surveys/words'

export interface ManagedSurvey {
  surveyId: string
  slug: string
  templateId: string
  status: SurveyStatus
  opensAt: Date | null
  closesAt: Date | null
  /** When an officer closed it; null while open or when it closed by its closing date alone. */
  closedAt: Date | null
  version: number
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
  responses: number
  lastResponseAt: Date | null
  retention: SurveyRetention
}

/** How long a survey's responses are kept after it closes, and when they go (see server/retention). */
export interface SurveyRetention {
  /** The survey's own setting; null means the organisation's default. */
  months: number | null
  organisationMonths: number
  /** When the responses become due for deletion; null while the survey has no end. */
  deleteAfter: Date | null
  /** When the retention sweep deleted them. */
  deletedAt: Date | null
}

interface ManagedSurveyRow {
  survey_id: string
  slug: string
  template_id: string
  status: SurveyStatus
  opens_at: Date | null
  closes_at: Date | null
  closed_at: Date | null
  version: number
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
  responses: number
  last_response_at: Date | null
  retention_months: number | null
  organisation_retention_months: number
  delete_after: Date | null
  responses_deleted_at: Date | null
}

const toManagedSurvey = (row: ManagedSurveyRow): ManagedSurvey => ({
  surveyId: row.survey_id,
  slug: row.slug,
  templateId: row.template_id,
  status: row.status,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  closedAt: row.closed_at,
  version: row.version,
  definition: row.definition,
  words: row.words,
  responses: row.responses,
  lastResponseAt: row.last_response_at,
  retention: {
    months: row.retention_months,
    organisationMonths: row.organisation_retention_months,
    deleteAfter: row.delete_after,
    deletedAt: row.responses_deleted_at,
  },
})

// The newest version's words, and the response count and latest time, in one pass per survey.
const selectManagedSurveys = `
  SELECT s.id AS survey_id, s.slug, s.template_id, s.status, s.opens_at, s.closes_at, s.closed_at,
         v.version, v.definition, v.words,
         COALESCE(r.responses, 0)::integer AS responses, r.last_response_at,
         s.retention_months, o.retention_months AS organisation_retention_months,
         ${deleteAfterSql} AS delete_after, s.responses_deleted_at
    FROM surveys s
    JOIN organisations o ON o.id = s.organisation_id
    JOIN LATERAL (SELECT version, definition, words FROM survey_versions sv
                   WHERE sv.organisation_id = s.organisation_id AND sv.survey_id = s.id
                   ORDER BY version DESC LIMIT 1) v ON true
    LEFT JOIN LATERAL (SELECT count(*) AS responses, max(submitted_at) AS last_response_at FROM responses rs
                        WHERE rs.organisation_id = s.organisation_id AND rs.survey_id = s.id) r ON true
   WHERE s.organisation_id = $1`

export async function listManagedSurveys(db: Queryable, organisationId: string): Promise<ManagedSurvey[]> {
  const rows = await db.query<ManagedSurveyRow>(
    `${selectManagedSurveys} ORDER BY s.created_at DESC, s.slug`,
    [organisationId],
  )
  return rows.map(toManagedSurvey)
}

export async function findManagedSurvey(
  db: Queryable,
  organisationId: string,
  slug: string,
): Promise<ManagedSurvey | undefined> {
  const rows = await db.query<ManagedSurveyRow>(`${selectManagedSurveys} AND s.slug = $2`, [
    organisationId,
    slug,
  ])
  return rows[0] ? toManagedSurvey(rows[0]) : undefined
}

/**
 * Opening clears a closing date that has already passed, or the survey would close again at once, and
 * the time it was closed: its retention period starts again when it next closes.
 */
export async function openSurvey(db: Queryable, organisationId: string, surveyId: string): Promise<void> {
  await db.query(
    `UPDATE surveys SET status = 'open', opens_at = COALESCE(opens_at, now()), closed_at = NULL,
            closes_at = CASE WHEN closes_at <= now() THEN NULL ELSE closes_at END
      WHERE organisation_id = $1 AND id = $2`,
    [organisationId, surveyId],
  )
}

/** Closing records when, so its retention period counts from then; closing twice keeps the first time. */
export async function closeSurvey(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  closedAt: Date,
): Promise<void> {
  await db.query(
    `UPDATE surveys SET status = 'closed', closed_at = COALESCE(closed_at, $3)
      WHERE organisation_id = $1 AND id = $2`,
    [survey.organisationId, survey.surveyId, closedAt],
  )
}

/** Closes at the end of the given day in England and Wales (midnight London time), or never when null. */
export async function setClosingDate(
  db: Queryable,
  organisationId: string,
  surveyId: string,
  lastDay: string | null,
): Promise<void> {
  await db.query(
    `UPDATE surveys SET closes_at = (($3::date + 1)::timestamp AT TIME ZONE 'Europe/London')
      WHERE organisation_id = $1 AND id = $2`,
    [organisationId, surveyId, lastDay],
  )
}

export async function slugsInUse(db: Queryable, organisationId: string, prefix: string): Promise<string[]> {
  const rows = await db.query<{ slug: string }>(
    `SELECT slug FROM surveys WHERE organisation_id = $1 AND (slug = $2 OR slug LIKE $2 || '-%')`,
    [organisationId, prefix],
  )
  return rows.map((row) => row.slug)
}

/**
 * Saves one language's words. A version that has taken responses is never changed: the words go into
 * a new version, which new respondents get. Otherwise the current version is corrected in place.
 * Returns the version the words are in.
 */
export async function saveSurveyWords(
  db: Queryable,
  survey: { organisationId: string; surveyId: string; version: number },
  change: { language: string; words: unknown },
): Promise<number> {
  const answered = await db.query(
    'SELECT 1 FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND version = $3 LIMIT 1',
    [survey.organisationId, survey.surveyId, survey.version],
  )
  const words = JSON.stringify({ [change.language]: change.words })
  if (answered.length === 0) {
    await db.query(
      `UPDATE survey_versions SET words = words || $4::jsonb
        WHERE organisation_id = $1 AND survey_id = $2 AND version = $3`,
      [survey.organisationId, survey.surveyId, survey.version, words],
    )
    return survey.version
  }
  await db.query(
    `INSERT INTO survey_versions (organisation_id, survey_id, version, definition, words)
     SELECT organisation_id, survey_id, version + 1, definition, words || $4::jsonb FROM survey_versions
      WHERE organisation_id = $1 AND survey_id = $2 AND version = $3`,
    [survey.organisationId, survey.surveyId, survey.version, words],
  )
  return survey.version + 1
}
