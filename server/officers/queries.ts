import { randomBytes, randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { PublishFrequency } from '../scorecards/model/types'
import type { Role } from './roles'

export interface Officer {
  id: string
  organisationId: string
  organisationSlug: string
  organisationName: string
  email: string
  role: Role
  handle: string
  /** An admin emailed about every safeguarding alert, as safeguarding officers are. */
  safeguardingContact: boolean
  /** The organisation's small-number threshold setting (see statistics/threshold.ts for the floor). */
  smallNumberThreshold: number
  /** How often the organisation publishes its scorecard, and so which periods its pages offer. */
  publishFrequency: PublishFrequency
}

interface OfficerRow {
  id: string
  organisation_id: string
  organisation_slug: string
  organisation_name: string
  email: string
  role: Role
  handle: string
  safeguarding_contact: boolean
  small_number_threshold: number
  publish_frequency: PublishFrequency
}

const toOfficer = (row: OfficerRow): Officer => ({
  id: row.id,
  organisationId: row.organisation_id,
  organisationSlug: row.organisation_slug,
  organisationName: row.organisation_name,
  email: row.email,
  role: row.role,
  handle: row.handle,
  safeguardingContact: row.safeguarding_contact,
  smallNumberThreshold: row.small_number_threshold,
  publishFrequency: row.publish_frequency,
})

const selectOfficer = `SELECT f.id, f.organisation_id, o.slug AS organisation_slug, o.name AS organisation_name,
                              f.email, f.role, f.handle, f.safeguarding_contact, o.small_number_threshold,
                              o.publish_frequency
                         FROM officers f JOIN organisations o ON o.id = f.organisation_id`

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

export async function findOfficerByEmail(db: Queryable, email: string): Promise<Officer | undefined> {
  const rows = await db.query<OfficerRow>(`${selectOfficer} WHERE f.email = $1`, [normaliseEmail(email)])
  return rows[0] ? toOfficer(rows[0]) : undefined
}

export async function findOfficer(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<Officer | undefined> {
  const rows = await db.query<OfficerRow>(`${selectOfficer} WHERE f.organisation_id = $1 AND f.id = $2`, [
    key.organisationId,
    key.id,
  ])
  return rows[0] ? toOfficer(rows[0]) : undefined
}

export async function findOfficerByHandle(
  db: Queryable,
  key: { organisationId: string; handle: string },
): Promise<Officer | undefined> {
  const rows = await db.query<OfficerRow>(`${selectOfficer} WHERE f.organisation_id = $1 AND f.handle = $2`, [
    key.organisationId,
    key.handle,
  ])
  return rows[0] ? toOfficer(rows[0]) : undefined
}

export async function listOfficers(db: Queryable, organisationId: string): Promise<Officer[]> {
  const rows = await db.query<OfficerRow>(`${selectOfficer} WHERE f.organisation_id = $1 ORDER BY f.email`, [
    organisationId,
  ])
  return rows.map(toOfficer)
}

/** Adds an officer, or returns undefined when the address already belongs to an officer anywhere. */
export async function insertOfficer(
  db: Queryable,
  options: { organisationId: string; email: string; role: Role },
): Promise<{ id: string; handle: string } | undefined> {
  const id = randomUUID()
  const handle = randomBytes(6).toString('hex')
  const rows = await db.query<{ id: string }>(
    `INSERT INTO officers (organisation_id, id, email, role, handle) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [options.organisationId, id, normaliseEmail(options.email), options.role, handle],
  )
  return rows.length > 0 ? { id, handle } : undefined
}

export async function updateOfficerRole(
  db: Queryable,
  key: { organisationId: string; id: string },
  role: Role,
): Promise<void> {
  // Only an admin can be a safeguarding contact; any other role stops it.
  await db.query(
    `UPDATE officers SET role = $3, safeguarding_contact = safeguarding_contact AND $3 = 'admin'
      WHERE organisation_id = $1 AND id = $2`,
    [key.organisationId, key.id, role],
  )
}

/** Names an admin as a safeguarding contact, or stops it; false when the officer is not an admin. */
export async function updateSafeguardingContact(
  db: Queryable,
  key: { organisationId: string; id: string },
  contact: boolean,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE officers SET safeguarding_contact = $3
      WHERE organisation_id = $1 AND id = $2 AND role = 'admin' RETURNING id`,
    [key.organisationId, key.id, contact],
  )
  return rows.length > 0
}

export async function deleteOfficer(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<void> {
  await db.query('DELETE FROM officers WHERE organisation_id = $1 AND id = $2', [key.organisationId, key.id])
}

export async function countAdmins(db: Queryable, organisationId: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM officers WHERE organisation_id = $1 AND role = 'admin'`,
    [organisationId],
  )
  return rows[0]?.count ?? 0
}

export async function findOrganisationBySlug(
  db: Queryable,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | undefined> {
  const rows = await db.query<{ id: string; slug: string; name: string }>(
    'SELECT id, slug, name FROM organisations WHERE slug = $1',
    [slug],
  )
  return rows[0]
}
