import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import type { Role } from './roles'

export interface Invitation {
  organisationId: string
  organisationName: string
  email: string
  role: Role
  acceptedAt: Date | null
}

/**
 * What the address already is in this organisation: invited and not yet signed in, an officer, or
 * nothing (undefined). Another organisation's officers are never looked at here, so the answer for
 * them is the same as for a new address.
 */
export async function addressStanding(
  db: Queryable,
  key: { organisationId: string; email: string },
): Promise<'invited' | 'officer' | undefined> {
  const rows = await db.query<{ standing: 'invited' | 'officer' }>(
    `SELECT 'invited' AS standing FROM officer_invitations
      WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL
     UNION ALL
     SELECT 'officer' FROM officers WHERE organisation_id = $1 AND email = $2`,
    [key.organisationId, key.email],
  )
  const standings = rows.map((row) => row.standing)
  return standings.includes('invited') ? 'invited' : standings[0]
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

export interface PendingInvitation {
  email: string
  role: Role
  /** When it was last sent: its link works for the configured days from then. */
  invitedAt: Date
}

export async function listPendingInvitations(
  db: Queryable,
  organisationId: string,
): Promise<PendingInvitation[]> {
  const rows = await db.query<{ email: string; role: Role; invited_at: Date }>(
    `SELECT email, role, invited_at FROM officer_invitations
      WHERE organisation_id = $1 AND accepted_at IS NULL ORDER BY email`,
    [organisationId],
  )
  return rows.map((row) => ({ email: row.email, role: row.role, invitedAt: row.invited_at }))
}

/**
 * Sends a pending invitation again: from now, and with the "emailed" mark cleared so the job emails
 * it once more. Returns its id, or undefined when the address has no pending invitation here.
 */
export async function renewInvitation(
  db: Queryable,
  key: { organisationId: string; email: string },
): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(
    `UPDATE officer_invitations SET invited_at = now(), notified_at = NULL
      WHERE organisation_id = $1 AND email = $2 AND accepted_at IS NULL RETURNING id`,
    [key.organisationId, key.email],
  )
  return rows[0]?.id
}

export async function findInvitation(
  db: Queryable,
  key: { organisationId: string; id: string },
): Promise<Invitation | undefined> {
  const rows = await db.query<{
    email: string
    role: Role
    accepted_at: Date | null
    organisation_name: string
  }>(
    `SELECT i.email, i.role, i.accepted_at, o.name AS organisation_name
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
        role: row.role,
        acceptedAt: row.accepted_at,
      }
    : undefined
}

/** Marks the invitation emailed, once per sending: false when another run of the job already did. */
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
