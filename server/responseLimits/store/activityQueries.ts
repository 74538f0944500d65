import type { Queryable } from '../../db/database'
import type { RecentSubmits } from '../model/holdRules'

export interface Client {
  organisationId: string
  clientKey: string
}

/**
 * Holds this sender's count still until the transaction ends, so two servers (or two tabs) cannot
 * both read "one below the limit" and both go over. Other senders are not held up.
 */
export async function lockClient(db: Queryable, client: Client): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('response-limits'), hashtext($1 || ':' || $2))`, [
    client.organisationId,
    client.clientKey,
  ])
}

/** Starts outside group sessions since a time, and the oldest of them. */
export async function countStartsSince(
  db: Queryable,
  client: Client,
  since: Date,
): Promise<{ starts: number; oldest: Date | null }> {
  const [row] = await db.query<{ starts: number; oldest: Date | null }>(
    `SELECT count(*)::integer AS starts, min(occurred_at) AS oldest FROM response_activity
      WHERE organisation_id = $1 AND client_key = $2 AND action = 'start'
        AND group_session_id IS NULL AND occurred_at > $3`,
    [client.organisationId, client.clientKey, since],
  )
  return { starts: row?.starts ?? 0, oldest: row?.oldest ?? null }
}

/** What the rules need to know about this sender's submits just before this one. */
export async function recentSubmits(
  db: Queryable,
  client: Client,
  options: { windowFrom: Date; burstFrom: Date; answersHash: string },
): Promise<RecentSubmits> {
  const earliest = options.windowFrom < options.burstFrom ? options.windowFrom : options.burstFrom
  const [row] = await db.query<{
    in_window: number
    oldest: Date | null
    in_burst: number
    same_answers: number
  }>(
    `SELECT count(*) FILTER (WHERE group_session_id IS NULL AND occurred_at > $4)::integer AS in_window,
            min(occurred_at) FILTER (WHERE group_session_id IS NULL AND occurred_at > $4) AS oldest,
            count(*) FILTER (WHERE group_session_id IS NULL AND occurred_at > $5)::integer AS in_burst,
            count(*) FILTER (WHERE answers_hash = $6 AND occurred_at > $5)::integer AS same_answers
       FROM response_activity
      WHERE organisation_id = $1 AND client_key = $2 AND action = 'submit' AND occurred_at > $3`,
    [
      client.organisationId,
      client.clientKey,
      earliest,
      options.windowFrom,
      options.burstFrom,
      options.answersHash,
    ],
  )
  return {
    inWindow: row?.in_window ?? 0,
    oldestInWindow: row?.oldest ?? null,
    inBurst: row?.in_burst ?? 0,
    sameAnswers: row?.same_answers ?? 0,
  }
}

export async function recordActivity(
  db: Queryable,
  client: Client,
  activity: {
    action: 'start' | 'submit'
    at: Date
    groupSessionId: string | null
    answersHash?: string
  },
): Promise<void> {
  await db.query(
    `INSERT INTO response_activity (organisation_id, client_key, action, occurred_at, group_session_id, answers_hash)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      client.organisationId,
      client.clientKey,
      activity.action,
      activity.at,
      activity.groupSessionId,
      activity.answersHash ?? null,
    ],
  )
}
