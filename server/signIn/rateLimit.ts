import { createHash } from 'node:crypto'
import type { Queryable } from '../db/database'
import {
  countRecentSignInRequests,
  deleteSignInRequestsOlderThan,
  insertSignInRequest,
} from './requestQueries'

/**
 * Limits on signing in, in any window of 15 minutes.
 * - emailsPerAddress: sign-in emails sent to one officer; later requests are answered alike but send
 *   nothing, so a stranger asking for someone's address cannot lock them out: the links already in
 *   their inbox keep working.
 * - requestsPerClient: link requests from one client (IP address), whatever the address asked for.
 * - badTokensPerClient: unusable link tokens one client may present before it is refused for a while.
 */
export const signInLimits = {
  emailsPerAddress: 5,
  requestsPerClient: 20,
  badTokensPerClient: 10,
  windowMinutes: 15,
} as const

type CountedKind = 'client' | 'bad-token'

const keyHash = (kind: CountedKind, value: string): string =>
  createHash('sha256').update(`${kind}:${value}`).digest('hex')

const limitOf: Record<CountedKind, number> = {
  client: signInLimits.requestsPerClient,
  'bad-token': signInLimits.badTokensPerClient,
}

const countRecent = (db: Queryable, hash: string) =>
  countRecentSignInRequests(db, hash, signInLimits.windowMinutes)

/**
 * Counts a link request against the client, and says whether it is within the limit. Only hashes are
 * stored. It is the same for every address asked about, so it reveals nothing about which exist.
 */
export async function allowSignInRequest(db: Queryable, client: string): Promise<boolean> {
  const hash = keyHash('client', client)
  if ((await countRecent(db, hash)) >= limitOf.client) return false
  await insertSignInRequest(db, hash)
  return true
}

/** Whether the client presented too many unusable tokens lately, and must wait before trying any. */
export async function isGuessingRefused(db: Queryable, client: string): Promise<boolean> {
  return (await countRecent(db, keyHash('bad-token', client))) >= limitOf['bad-token']
}

export async function recordBadToken(db: Queryable, client: string): Promise<void> {
  await insertSignInRequest(db, keyHash('bad-token', client))
}

export const deleteOldSignInRequests = (db: Queryable): Promise<number> =>
  deleteSignInRequestsOlderThan(db, signInLimits.windowMinutes)
