import type { Database, Queryable } from '../db/database'
import { emailHashSql } from './scheduleQueries'

/** One outbox row's key. */
export interface EmailKey {
  organisationId: string
  invitationId: string
  kind: string
}

/** A claimed email with what its words need. */
export interface ClaimedEmail extends EmailKey {
  email: string
  name: string | null
  language: string
  surveyId: string
  attempts: number
}

/** Rows a worker may take: queued and due, or claimed by a worker that died before finishing. */
const takeableSql = `((e.status = 'queued' AND e.due_at <= $1) OR (e.status = 'sending' AND e.held_until <= $1))`

/**
 * Cancels takeable emails that must not go: the contact answered or unsubscribed, or the survey is
 * no longer open. So no reminder follows a response, even one queued before it.
 */
export async function cancelUnwantedEmails(db: Queryable, now: Date): Promise<void> {
  await db.query(
    `UPDATE invitation_emails e SET status = 'cancelled', held_until = NULL
       FROM invitations i JOIN surveys s ON s.organisation_id = i.organisation_id AND s.id = i.survey_id
      WHERE i.organisation_id = e.organisation_id AND i.id = e.invitation_id AND ${takeableSql}
        AND (i.answered OR s.status <> 'open' OR s.closes_at <= $1
             OR EXISTS (SELECT 1 FROM unsubscribed_addresses u
                         WHERE u.organisation_id = i.organisation_id AND u.email_hash = ${emailHashSql}))`,
    [now],
  )
}

/**
 * Claims up to `limit` due emails for this worker until holdUntil, giving each the hash of the token
 * its link will carry (tokens come from newToken, one per row). Rows another worker is claiming are
 * skipped, so two workers never take the same one.
 */
export async function claimDueEmails(
  db: Database,
  request: { now: Date; holdUntil: Date; limit: number; newTokenHash: () => string },
): Promise<(ClaimedEmail & { tokenHash: string })[]> {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ organisation_id: string; invitation_id: string; kind: string }>(
      `SELECT e.organisation_id, e.invitation_id, e.kind FROM invitation_emails e
        WHERE ${takeableSql} ORDER BY e.due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [request.now, request.limit],
    )
    if (due.length === 0) return []
    const hashes = due.map(() => request.newTokenHash())
    const claimed = await tx.query<Omit<ClaimedEmail, 'tokenHash'> & { tokenHash: string }>(
      `UPDATE invitation_emails e
          SET status = 'sending', held_until = $4, attempts = e.attempts + 1, token_hash = c.token_hash
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $5::text[]) AS c (organisation_id, invitation_id, kind, token_hash),
              invitations i
        WHERE e.organisation_id = c.organisation_id AND e.invitation_id = c.invitation_id AND e.kind = c.kind
          AND i.organisation_id = e.organisation_id AND i.id = e.invitation_id
        RETURNING e.organisation_id AS "organisationId", e.invitation_id AS "invitationId", e.kind,
                  e.attempts, e.token_hash AS "tokenHash", i.email, i.name, i.language, i.survey_id AS "surveyId"`,
      [
        due.map((row) => row.organisation_id),
        due.map((row) => row.invitation_id),
        due.map((row) => row.kind),
        request.holdUntil,
        hashes,
      ],
    )
    return claimed
  })
}

const keyParams = (key: EmailKey & { tokenHash: string }) => [
  key.organisationId,
  key.invitationId,
  key.kind,
  key.tokenHash,
]
const keySql = `organisation_id = $1 AND invitation_id = $2 AND kind = $3 AND token_hash = $4 AND status = 'sending'`

/** The mail service took it. Only the worker holding this claim (its token) can mark it. */
export async function markEmailSent(db: Queryable, key: EmailKey & { tokenHash: string }, now: Date) {
  await db.query(
    `UPDATE invitation_emails SET status = 'sent', sent_at = $5, held_until = NULL WHERE ${keySql}`,
    [...keyParams(key), now],
  )
}

/** Not sent this time: due again at retryAt, with the reason kept in case it never goes. */
export async function releaseEmail(
  db: Queryable,
  key: EmailKey & { tokenHash: string },
  retry: { at: Date; failure: string },
) {
  await db.query(
    `UPDATE invitation_emails SET status = 'queued', due_at = $5, held_until = NULL, token_hash = NULL, failure = $6
      WHERE ${keySql}`,
    [...keyParams(key), retry.at, retry.failure],
  )
}

/** Will never go: the address was refused, or every attempt failed. */
export async function failEmail(db: Queryable, key: EmailKey & { tokenHash: string }, failure: string) {
  await db.query(
    `UPDATE invitation_emails SET status = 'failed', held_until = NULL, token_hash = NULL, failure = $5 WHERE ${keySql}`,
    [...keyParams(key), failure],
  )
}

/** When the next email falls due, to wait for it or to ask the queue to come back then. */
export async function findNextDue(db: Queryable): Promise<Date | undefined> {
  const rows = await db.query<{ next: Date | null }>(
    `SELECT min(CASE WHEN status = 'queued' THEN due_at ELSE held_until END) AS next
       FROM invitation_emails WHERE status IN ('queued', 'sending')`,
  )
  return rows[0]?.next ?? undefined
}

/** The words an email needs from its survey, once per survey in a batch. */
export interface SurveyForEmail {
  organisationSlug: string
  organisationName: string
  surveySlug: string
  words: Record<string, { title: string } | undefined>
  closesAt: Date | null
}

export async function findSurveyForEmail(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
): Promise<SurveyForEmail | undefined> {
  const rows = await db.query<SurveyForEmail>(
    `SELECT o.slug AS "organisationSlug", o.name AS "organisationName", s.slug AS "surveySlug",
            v.words, s.closes_at AS "closesAt"
       FROM surveys s JOIN organisations o ON o.id = s.organisation_id
       JOIN survey_versions v ON v.organisation_id = s.organisation_id AND v.survey_id = s.id
      WHERE s.organisation_id = $1 AND s.id = $2
      ORDER BY v.version DESC LIMIT 1`,
    [survey.organisationId, survey.surveyId],
  )
  return rows[0]
}
