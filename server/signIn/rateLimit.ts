import { createHash } from 'node:crypto'
import type { Queryable } from '../db/database'

/** Sign-in link requests allowed per address and per client in any 15 minutes. */
export const signInLimits = { perAddress: 5, perClient: 20, windowMinutes: 15 } as const

const keyHash = (kind: string, value: string): string =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex')

/**
 * Counts this request against the address and the client, and says whether it is within the limits.
 * Only hashes are stored. Applies to every address alike, so it reveals nothing about which exist.
 */
export async function allowSignInRequest(
  db: Queryable,
  request: { email: string; client: string },
): Promise<boolean> {
  const keys = [
    { hash: keyHash('address', request.email), limit: signInLimits.perAddress },
    { hash: keyHash('client', request.client), limit: signInLimits.perClient },
  ]
  const counts = await db.query<{ key_hash: string; count: number }>(
    `SELECT key_hash, count(*)::integer AS count FROM sign_in_requests
      WHERE key_hash = ANY($1::text[]) AND requested_at > now() - make_interval(mins => $2)
      GROUP BY key_hash`,
    [keys.map((key) => key.hash), signInLimits.windowMinutes],
  )
  const over = keys.some((key) => (counts.find((row) => row.key_hash === key.hash)?.count ?? 0) >= key.limit)
  if (over) return false
  await db.query('INSERT INTO sign_in_requests (key_hash) SELECT unnest($1::text[])', [
    keys.map((key) => key.hash),
  ])
  return true
}

export async function deleteOldSignInRequests(db: Queryable): Promise<number> {
  const rows = await db.query(
    `DELETE FROM sign_in_requests WHERE requested_at <= now() - make_interval(mins => $1) RETURNING key_hash`,
    [signInLimits.windowMinutes],
  )
  return rows.length
}
