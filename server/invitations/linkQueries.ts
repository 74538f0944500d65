import type { Queryable } from '../db/database'
import { emailHashSql } from './scheduleQueries'

/** What an invitation link leads to. Holds no address: the pages it serves never show one. */
export interface InvitationLink {
  organisationId: string
  invitationId: string
  surveyId: string
  organisationSlug: string
  organisationName: string
  surveySlug: string
  answered: boolean
  language: string
}

export async function findInvitationLink(
  db: Queryable,
  tokenHash: string,
): Promise<InvitationLink | undefined> {
  const rows = await db.query<InvitationLink>(
    `SELECT i.organisation_id AS "organisationId", i.id AS "invitationId", i.survey_id AS "surveyId",
            o.slug AS "organisationSlug", o.name AS "organisationName", s.slug AS "surveySlug",
            i.answered, i.language
       FROM invitation_emails e
       JOIN invitations i ON i.organisation_id = e.organisation_id AND i.id = e.invitation_id
       JOIN surveys s ON s.organisation_id = i.organisation_id AND s.id = i.survey_id
       JOIN organisations o ON o.id = i.organisation_id
      WHERE e.token_hash = $1 AND e.status IN ('sending', 'sent')`,
    [tokenHash],
  )
  return rows[0]
}

/**
 * Marks "has answered" on the invitation whose link this browser came by, inside the transaction that
 * stores the response, and nothing else: no time, no response id, no draft id. Returns whether an
 * invitation changed (false for a second response, or a link from another survey).
 */
export async function markInvitationAnswered(
  tx: Queryable,
  survey: { organisationId: string; surveyId: string },
  tokenHash: string,
): Promise<boolean> {
  const marked = await tx.query(
    `UPDATE invitations i SET answered = true
       FROM invitation_emails e
      WHERE e.organisation_id = $1 AND e.token_hash = $3
        AND i.organisation_id = e.organisation_id AND i.id = e.invitation_id AND i.survey_id = $2
        AND NOT i.answered
      RETURNING i.id`,
    [survey.organisationId, survey.surveyId, tokenHash],
  )
  return marked.length > 0
}

/**
 * Stops every later invitation email from this organisation to the address: its hash is kept, and its
 * emails still waiting on any list are cancelled.
 */
export async function unsubscribeInvitedAddress(
  tx: Queryable,
  invitation: { organisationId: string; invitationId: string },
  today: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO unsubscribed_addresses (organisation_id, email_hash, unsubscribed_on)
     SELECT i.organisation_id, ${emailHashSql}, $3::date FROM invitations i
      WHERE i.organisation_id = $1 AND i.id = $2
     ON CONFLICT DO NOTHING`,
    [invitation.organisationId, invitation.invitationId, today],
  )
  await tx.query(
    `UPDATE invitation_emails e SET status = 'cancelled'
       FROM invitations i
      WHERE e.organisation_id = $1 AND e.status = 'queued'
        AND i.organisation_id = e.organisation_id AND i.id = e.invitation_id
        AND lower(i.email) = (SELECT lower(email) FROM invitations WHERE organisation_id = $1 AND id = $2)`,
    [invitation.organisationId, invitation.invitationId],
  )
}
