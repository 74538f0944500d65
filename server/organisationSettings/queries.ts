import type { Queryable } from '../db/database'
import type { PublishFrequency } from '../scorecards/model/types'
import { readLocalHelp, type LocalHelpContact, type OrganisationSettings } from './settings'

/** Each setting a form may change, and its column. Only these names ever reach the SQL below. */
export const settingColumns = {
  publicName: 'public_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  familyHelpContact: 'family_help_contact',
  dataController: 'data_controller',
  lawfulBasis: 'lawful_basis',
  dpoContact: 'dpo_contact',
  accessibilityContact: 'accessibility_contact',
  retentionMonths: 'retention_months',
  safeguardingRetentionMonths: 'safeguarding_retention_months',
  alertEscalationMinutes: 'alert_escalation_minutes',
  publishFrequency: 'publish_frequency',
} as const

export type SettingField = keyof typeof settingColumns
export type SettingValue = string | number | null

interface SettingsRow {
  id: string
  slug: string
  name: string
  public_name: string | null
  contact_email: string | null
  contact_phone: string | null
  family_help_contact: string | null
  local_help: unknown
  data_controller: string | null
  lawful_basis: string | null
  dpo_contact: string | null
  accessibility_contact: string | null
  retention_months: number
  safeguarding_retention_months: number
  alert_escalation_minutes: number
  publish_frequency: PublishFrequency
}

const selectSettings = `SELECT id, slug, name, public_name, contact_email, contact_phone, family_help_contact,
                               local_help, data_controller, lawful_basis, dpo_contact, accessibility_contact,
                               retention_months, safeguarding_retention_months, alert_escalation_minutes,
                               publish_frequency
                          FROM organisations`

const toSettings = (row: SettingsRow): OrganisationSettings => ({
  organisationId: row.id,
  slug: row.slug,
  name: row.name,
  publicName: row.public_name,
  contactEmail: row.contact_email,
  contactPhone: row.contact_phone,
  familyHelpContact: row.family_help_contact,
  localHelp: readLocalHelp(row.local_help),
  dataController: row.data_controller,
  lawfulBasis: row.lawful_basis,
  dpoContact: row.dpo_contact,
  accessibilityContact: row.accessibility_contact,
  retentionMonths: row.retention_months,
  safeguardingRetentionMonths: row.safeguarding_retention_months,
  alertEscalationMinutes: row.alert_escalation_minutes,
  publishFrequency: row.publish_frequency,
})

export async function findOrganisationSettings(
  db: Queryable,
  organisationId: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrganisationSettings | undefined> {
  const rows = await db.query<SettingsRow>(
    `${selectSettings} WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [organisationId],
  )
  return rows[0] ? toSettings(rows[0]) : undefined
}

export async function findOrganisationSettingsBySlug(
  db: Queryable,
  slug: string,
): Promise<OrganisationSettings | undefined> {
  const rows = await db.query<SettingsRow>(`${selectSettings} WHERE slug = $1`, [slug])
  return rows[0] ? toSettings(rows[0]) : undefined
}

export async function updateOrganisationSettings(
  db: Queryable,
  organisationId: string,
  changes: Partial<Record<SettingField, SettingValue>>,
): Promise<void> {
  const fields = Object.keys(changes) as SettingField[]
  if (fields.length === 0) return
  const assignments = fields.map((field, index) => `${settingColumns[field]} = $${index + 2}`)
  await db.query(`UPDATE organisations SET ${assignments.join(', ')} WHERE id = $1`, [
    organisationId,
    ...fields.map((field) => changes[field] ?? null),
  ])
}

export async function replaceLocalHelp(
  db: Queryable,
  organisationId: string,
  entries: LocalHelpContact[],
): Promise<void> {
  await db.query('UPDATE organisations SET local_help = $2::jsonb WHERE id = $1', [
    organisationId,
    JSON.stringify(entries),
  ])
}

/**
 * What a survey's start page says about keeping answers: who runs it and for how long answers are
 * kept (the survey's own period if it has one, else the organisation's).
 */
export async function findSurveyRetention(
  db: Queryable,
  key: { organisationId: string; surveyId: string },
): Promise<{ publicName: string; retentionMonths: number } | undefined> {
  const rows = await db.query<{ public_name: string; retention_months: number }>(
    `SELECT coalesce(o.public_name, o.name) AS public_name,
            coalesce(s.retention_months, o.retention_months) AS retention_months
       FROM surveys s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.organisation_id = $1 AND s.id = $2`,
    [key.organisationId, key.surveyId],
  )
  const row = rows[0]
  return row ? { publicName: row.public_name, retentionMonths: row.retention_months } : undefined
}
