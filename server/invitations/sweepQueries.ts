import type { Queryable } from '../db/database'
import { closingMomentSql } from '../retention/queries'

/**
 * Deletes contact lists (their contacts, invitations and outbox rows with them) of surveys that
 * closed at least `keptDays` days before `now`, and lists never sent after a day. Unsubscribed
 * address hashes stay. Returns how many contacts went, by organisation and survey slug.
 */
export async function deleteExpiredContactLists(
  db: Queryable,
  request: { now: Date; keptDays: number },
): Promise<{ organisationId: string; slug: string; contacts: number }[]> {
  return db.query(
    `WITH expired AS (
       SELECT l.organisation_id, l.id, s.slug FROM contact_lists l
         JOIN surveys s ON s.organisation_id = l.organisation_id AND s.id = l.survey_id
        WHERE ${closingMomentSql} + make_interval(days => $2::int) <= $1
           OR (l.status = 'checked' AND l.uploaded_at + interval '1 day' <= $1)
     ), counted AS (
       SELECT e.organisation_id, e.slug, count(i.id)::int AS contacts
         FROM expired e LEFT JOIN invitations i ON i.organisation_id = e.organisation_id AND i.list_id = e.id
        GROUP BY e.organisation_id, e.slug
     ), deleted AS (
       DELETE FROM contact_lists l USING expired e
        WHERE l.organisation_id = e.organisation_id AND l.id = e.id RETURNING l.id
     )
     -- A data-modifying WITH runs whether or not it is read.
     SELECT organisation_id AS "organisationId", slug, contacts FROM counted`,
    [request.now, request.keptDays],
  )
}
