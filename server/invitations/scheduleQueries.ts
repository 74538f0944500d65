import type { Queryable } from '../db/database'

/**
 * Takes `count` sending slots from the deployment's timetable, one every 60/perMinute seconds from
 * the next free one (or now), and returns the first. The row lock queues lists taking slots at once.
 */
export async function takeSendingSlots(
  db: Queryable,
  request: { count: number; perMinute: number; now: Date },
): Promise<{ first: Date; spacingSeconds: number }> {
  const spacingSeconds = 60 / request.perMinute
  const rows = await db.query<{ first: Date }>(
    `UPDATE invitation_send_schedule
        SET next_free_at = GREATEST(next_free_at, $1::timestamptz) + make_interval(secs => $2::float8 * $3::int)
      WHERE id = 1
      RETURNING next_free_at - make_interval(secs => $2::float8 * $3::int) AS first`,
    [request.now, spacingSeconds, request.count],
  )
  return { first: rows[0]?.first ?? request.now, spacingSeconds }
}

/** SQL for the address hash kept by unsubscribed_addresses, over an invitations row aliased `i`. */
export const emailHashSql = `encode(sha256(convert_to(lower(i.email), 'UTF8')), 'hex')`
