import type { Request } from 'express'
import { formatDate } from '../i18n/formatDate'
import type { PendingInvitation } from './invitationQueries'

const dayMs = 24 * 60 * 60 * 1000

/**
 * The officers page's list of people invited who have not yet signed in: when each link stops
 * working, or that it has, and a "send again" button for each. Every row is worked out from the
 * invitation alone, so an address that is another organisation's officer reads like any other.
 */
export function invitedRows(
  invitations: PendingInvitation[],
  options: { req: Request; now: Date; days: number },
) {
  const { req, now, days } = options
  return invitations.map((invitation) => {
    const validUntil = new Date(invitation.invitedAt.getTime() + days * dayMs)
    const date = formatDate(validUntil, req.language)
    return {
      email: invitation.email,
      role: invitation.role,
      expired: validUntil <= now,
      state:
        validUntil <= now
          ? req.t('officerInvitation.list.expired', { date })
          : req.t('officerInvitation.list.validUntil', { date }),
    }
  })
}
