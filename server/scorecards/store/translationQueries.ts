import type { Queryable } from '../../db/database'
import type { LanguageCode } from '../../i18n/languages'
import type { StoredTranslation } from '../model/translations'
import type { TextSubject } from '../model/types'

interface TranslationRow {
  subject: TextSubject
  subject_id: string
  language: LanguageCode
  text: string
}

/** Every translation an organisation has, or those into one language. */
export async function listTranslations(
  db: Queryable,
  organisationId: string,
  language?: LanguageCode,
): Promise<StoredTranslation[]> {
  const rows = await db.query<TranslationRow>(
    `SELECT subject, subject_id, language, text FROM text_translations
      WHERE organisation_id = $1 AND ($2::text IS NULL OR language = $2::text)`,
    [organisationId, language ?? null],
  )
  return rows.map((row) => ({
    subject: row.subject,
    subjectId: row.subject_id,
    language: row.language,
    text: row.text,
  }))
}

/**
 * Sets translations into one language: a text given replaces the one stored, an empty one removes
 * it (the English shows again). One statement each way, so a form of many texts is saved at once.
 */
export async function saveTranslations(
  db: Queryable,
  organisationId: string,
  language: LanguageCode,
  texts: readonly { subject: TextSubject; subjectId: string; text: string }[],
  updatedBy: string,
): Promise<void> {
  const kept = texts.filter((each) => each.text !== '')
  const cleared = texts.filter((each) => each.text === '')
  if (cleared.length > 0)
    await db.query(
      `DELETE FROM text_translations translation
        USING unnest($3::text[], $4::text[]) AS cleared(subject, subject_id)
        WHERE translation.organisation_id = $1 AND translation.language = $2
          AND translation.subject = cleared.subject AND translation.subject_id = cleared.subject_id`,
      [organisationId, language, cleared.map((each) => each.subject), cleared.map((each) => each.subjectId)],
    )
  if (kept.length > 0)
    await db.query(
      `INSERT INTO text_translations (organisation_id, subject, subject_id, language, text, updated_by)
       SELECT $1, entry.subject, entry.subject_id, $2, entry.text, $6
         FROM unnest($3::text[], $4::text[], $5::text[]) AS entry(subject, subject_id, text)
       ON CONFLICT (organisation_id, subject, subject_id, language) DO UPDATE
         SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        organisationId,
        language,
        kept.map((each) => each.subject),
        kept.map((each) => each.subjectId),
        kept.map((each) => each.text),
        updatedBy,
      ],
    )
}

/**
 * The languages an organisation's surveys are offered in, in any version; a survey that names none
 * is offered in every language it has words for, which is undefined here for the caller to fill in.
 */
export async function listSurveyLanguages(
  db: Queryable,
  organisationId: string,
): Promise<(string[] | undefined)[]> {
  const rows = await db.query<{ languages: string[] | null }>(
    `SELECT DISTINCT definition -> 'languages' AS languages FROM survey_versions WHERE organisation_id = $1`,
    [organisationId],
  )
  return rows.map((row) => row.languages ?? undefined)
}
