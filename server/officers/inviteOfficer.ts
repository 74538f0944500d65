import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import type { JobSender } from '../jobs/jobQueue'
import { addressStanding, renewInvitation, upsertInvitation } from './invitationQueries'
import { insertOfficer } from './queries'
import type { Role } from './roles'

/**
 * Invites a person to the admin's organisation, in one transaction: the officer row (when the address
 * is free), the invitation, the audit entry and the email job.
 *
 * An address can belong to one organisation's officer only. When it already does, elsewhere, the admin
 * is answered exactly as for a new address and sees the person listed as invited, so one council never
 * learns who works for another. The person is emailed that someone tried to add them and that nothing
 * changed (as GOV.UK Notify and most services tell an account holder of an invitation, never the
 * inviter of the account). The invitation stays "invited", like one a new person never took up.
 * Returns 'already-invited' or 'already-officer' only for an address this organisation already has,
 * which its admin can see in its own list anyway.
 */
export async function inviteOfficer(
  deps: { db: Database; jobs: JobSender },
  invite: {
    admin: { id: string; email: string; organisationId: string }
    email: string
    role: Role
    language: string
  },
): Promise<'invited' | 'already-invited' | 'already-officer'> {
  const { admin, email, role } = invite
  const { organisationId } = admin
  return deps.db.transaction(async (tx) => {
    const standing = await addressStanding(tx, { organisationId, email })
    if (standing) return standing === 'invited' ? 'already-invited' : 'already-officer'
    await insertOfficer(tx, { organisationId, email, role })
    const invitationId = await upsertInvitation(tx, { organisationId, email, role })
    await recordAudit(tx, {
      organisationId,
      officer: admin,
      action: 'officer-invited',
      subject: email,
      details: { role },
    })
    await deps.jobs.enqueue(tx, 'officer-invitation-email', {
      organisationId,
      invitationId,
      invitedBy: admin.id,
      language: invite.language,
    })
    return 'invited'
  })
}

/**
 * Sends a pending invitation again, with a new link, whether or not the last one expired: the same
 * for an address that turned out to be another organisation's officer (its holder is told again that
 * someone tried), so re-sending reveals nothing either. False when there is no such invitation here.
 */
export async function resendInvitation(
  deps: { db: Database; jobs: JobSender },
  resend: { admin: { id: string; email: string; organisationId: string }; email: string; language: string },
): Promise<boolean> {
  const { admin, email } = resend
  const { organisationId } = admin
  return deps.db.transaction(async (tx) => {
    const invitationId = await renewInvitation(tx, { organisationId, email })
    if (!invitationId) return false
    await recordAudit(tx, {
      organisationId,
      officer: admin,
      action: 'officer-invitation-resent',
      subject: email,
    })
    await deps.jobs.enqueue(tx, 'officer-invitation-email', {
      organisationId,
      invitationId,
      invitedBy: admin.id,
      language: resend.language,
    })
    return true
  })
}
