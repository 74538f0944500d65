import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { Role } from './roles'

export interface Invitation {
  organisationId: string
  organisationName: string
  email: string
  acceptedAt: Date | null
}

/** Whether the address is already this organisation's: an officer, or invited and not yet signed in. */
export async function isAddressInOrganisation(
  db: Queryable,
  key: { organisationId: string; email: string },
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM officers WHERE organisation_id = $1 AND email = $2
     UNION ALL
     SELECT 1 FROM officer_invitations WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL`,
    [key.organisationId, key.email],
  )
  return rows.length > 0
}

/** Records an invitation (again, for someone removed and invited back) and returns its id. */
export async function upsertInvitation(
  db: Queryable,
  invitation: { organisationId: string; email: string; role: Role },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO officer_invitations (organisation_id, id, email, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, email)
     DO UPDATE SET role = EXCLUDED.role, invited_at = now(), accepted_at = NULL, notified_at = NULL
     RETURNING id`,
    [invitation.organisationId, randomUUID(), invitation.email, invitation.role],
  )
  const id = rows[0]?.id
  if (!id) throw new Error('The invitation was not recorded')
  return id
}

export async function listPendingInvitations(
  db: Queryable,
  organisationId: string,
): Promise<{ email: string; role: Role }[]> {
  return db.query<{ email: string; role: Role }>(
    `SELECT email, role FROM officer_invitations
      WHERE organisation_id = $1 AND accepted_at IS NULL ORDER BY email`,
    [organisationId],
  )
}

export async function findInvitation(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<Invitation | undefined> {
  const rows = await db.query<{ email: string; accepted_at: Date | null; organisation_name: string }>(
    `SELECT i.email, i.accepted_at, o.name AS organisation_name
       FROM officer_invitations i JOIN organisations o ON o.id = i.organisation_id
      WHERE i.organisation_id = $1 AND i.id = $2`,
    [key.organisationId, key.id],
  )
  const row = rows[0]
  return row
    ? {
        organisationId: key.organisationId,
        organisationName: row.organisation_name,
        email: row.email,
        acceptedAt: row.accepted_at,
      }
    : undefined
}

/** Marks the invitation told, once: false when another run of the job already did. */
export async function claimInvitationNotice(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE officer_invitations SET notified_at = now()
      WHERE organisation_id = $1 AND id = $2 AND notified_at IS NULL RETURNING id`,
    [key.organisationId, key.id],
  )
  return rows.length > 0
}

export async function releaseInvitationNotice(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<void> {
  await db.query('UPDATE officer_invitations SET notified_at = NULL WHERE organisation_id = $1 AND id = $2', [
    key.organisationId,
    key.id,
  ])
}

/** The officer signed in: from now on the list shows them as an officer rather than as invited. */
export async function acceptInvitation(
  db: Queryable,
  officer: { organisationId: string; email: string },
): Promise<void> {
  await db.query(
    `UPDATE officer_invitations SET accepted_at = now()
      WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL`,
    [officer.organisationId, officer.email],
  )
}

export async function deleteInvitation(
  db: Queryable,
  key: { organisationId: string; email: string },
): Promise<void> {
  await db.query('DELETE FROM officer_invitations WHERE organisation_id = $1 AND email = $2', [
    key.organisationId,
    key.email,
  ])
}
