import type { Queryable } from '../db/database'

/** Requests are counted by a hash of what they are keyed on (see rateLimit.ts), never the value itself. */
export async function countRecentSignInRequests(
  db: Queryable,
  keyHash: string,
  minutes: number,
): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM sign_in_requests
      WHERE key_hash = $1 AND requested_at > now() - make_interval(mins => $2)`,
    [keyHash, minutes],
  )
  return row?.count ?? 0
}

export async function insertSignInRequest(db: Queryable, keyHash: string): Promise<void> {
  await db.query('INSERT INTO sign_in_requests (key_hash) VALUES ($1)', [keyHash])
}

export async function deleteSignInRequestsOlderThan(db: Queryable, minutes: number): Promise<number> {
  const rows = await db.query(
    `DELETE FROM sign_in_requests WHERE requested_at <= now() - make_interval(mins => $1) RETURNING key_hash`,
    [minutes],
  )
  return rows.length
}
