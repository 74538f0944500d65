import { randomBytes } from 'node:crypto'
import type { Database } from '../db/database'

/**
 * The configured secret, or one generated on first start and kept in the database, so that sessions
 * survive a restart without anyone having to set a secret for a laptop demo.
 */
export async function resolveSessionSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured
  await db.query(
    `INSERT INTO app_secrets (name, value) VALUES ('session', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('hex')],
  )
  const rows = await db.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'session'`)
  const secret = rows[0]?.value
  if (!secret) throw new Error('Session secret could not be stored')
  return secret
}
