import { randomBytes } from 'node:crypto'
import type { Database } from '../db/database'
import { findSessionSecret, insertSessionSecret } from './sessionQueries'

/**
 * The configured secret, or one generated on first start and kept in the database, so that sessions
 * survive a restart without anyone having to set a secret for a laptop demo.
 */
export async function resolveSessionSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await insertSessionSecret(db, randomBytes(32).toString('hex'))
  const secret = await findSessionSecret(db)
  if (!secret) throw new Error('Session secret could not be stored')
  return secret
}
