import { recordAudit } from '../audit/recordAudit'
import type { Database, Queryable } from '../db/database'
import { NotFoundError } from '../errors'
import { localHelpLimit, withoutEntry } from './localHelp'
import {
  findOrganisationSettings,
  replaceLocalHelp,
  updateOrganisationSettings,
  type SettingField,
  type SettingValue,
} from './queries'
import type { SettingsSection } from './sections'
import type { LocalHelpContact, OrganisationSettings } from './settings'

interface Admin {
  id: string
  email: string
  organisationId: string
}

async function lockedSettings(tx: Queryable, organisationId: string): Promise<OrganisationSettings> {
  const settings = await findOrganisationSettings(tx, organisationId, { forUpdate: true })
  if (!settings) throw new NotFoundError('No such organisation')
  return settings
}

// The audit names the fields that changed and never their values: they may be a person's contact details.
const audit = (tx: Queryable, admin: Admin, subject: string, details: Record<string, string | number>) =>
  recordAudit(tx, {
    organisationId: admin.organisationId,
    officer: admin,
    action: 'organisation-settings-changed',
    subject,
    details,
  })

/**
 * Saves one section's fields and audits the change, in one transaction under a row lock, so two admins
 * saving at once each see the other's values when working out what they changed. Returns the fields
 * that changed; saving the same values again changes and audits nothing.
 */
export async function saveSection(
  db: Database,
  options: { admin: Admin; section: SettingsSection; values: Record<SettingField, SettingValue> },
): Promise<SettingField[]> {
  const { admin, section, values } = options
  return db.transaction(async (tx) => {
    const current = await lockedSettings(tx, admin.organisationId)
    const changed = section.fields.map((field) => field.name).filter((name) => current[name] !== values[name])
    if (changed.length === 0) return []
    await updateOrganisationSettings(
      tx,
      admin.organisationId,
      Object.fromEntries(changed.map((name) => [name, values[name]])),
    )
    await audit(tx, admin, section.slug, { fields: changed.join(', ') })
    return changed
  })
}

/** Adds a local help contact at the end of the list; false when the list is already full. */
export async function addLocalHelp(
  db: Database,
  options: { admin: Admin; entry: LocalHelpContact },
): Promise<boolean> {
  const { admin, entry } = options
  return db.transaction(async (tx) => {
    const { localHelp } = await lockedSettings(tx, admin.organisationId)
    if (localHelp.length >= localHelpLimit) return false
    await replaceLocalHelp(tx, admin.organisationId, [...localHelp, entry])
    await audit(tx, admin, 'local-help', {
      fields: 'localHelp',
      change: 'added',
      contacts: localHelp.length + 1,
    })
    return true
  })
}

/** Removes the local help contact with this key; false when it is not there (already removed). */
export async function removeLocalHelp(
  db: Database,
  options: { admin: Admin; key: string },
): Promise<boolean> {
  const { admin, key } = options
  return db.transaction(async (tx) => {
    const { localHelp } = await lockedSettings(tx, admin.organisationId)
    const remaining = withoutEntry(localHelp, key)
    if (!remaining) return false
    await replaceLocalHelp(tx, admin.organisationId, remaining)
    await audit(tx, admin, 'local-help', {
      fields: 'localHelp',
      change: 'removed',
      contacts: remaining.length,
    })
    return true
  })
}
