import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'

export const signInLinkMinutes = 15
const tokenPattern = /^[A-Za-z0-9_-]{43}$/

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const looksLikeToken = (token: string): boolean => tokenPattern.test(token)

/** A new single-use token for an officer; only its hash is stored, so a database leak spends nothing. */
export async function createSignInLink(
  db: Queryable,
  officer: { organisationId: string; id: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.query(
    `INSERT INTO sign_in_links (token_hash, organisation_id, officer_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [hashToken(token), officer.organisationId, officer.id, signInLinkMinutes],
  )
  return token
}

/** Links made for the officer in the last minutes: the sign-in emails they were sent. */
export async function countRecentSignInLinks(
  db: Queryable,
  officer: { organisationId: string; id: string },
  minutes: number,
): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM sign_in_links
      WHERE organisation_id = $1 AND officer_id = $2 AND created_at > now() - make_interval(mins => $3)`,
    [officer.organisationId, officer.id, minutes],
  )
  return row?.count ?? 0
}

/** Takes back a link whose email could not be sent, so it neither works nor counts against the limit. */
export async function withdrawSignInLink(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sign_in_links WHERE token_hash = $1 AND used_at IS NULL', [hashToken(token)])
}

/** Whether the link can still be used, without using it (the page with the "Sign in" button). */
export async function isUsableLink(db: Queryable, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false
  const rows = await db.query(
    'SELECT 1 FROM sign_in_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
    [hashToken(token)],
  )
  return rows.length > 0
}

/** Uses the link: one statement, so of two simultaneous attempts exactly one succeeds. */
export async function spendSignInLink(
  db: Queryable,
  token: string,
): Promise<{ organisationId: string; officerId: string } | undefined> {
  if (!looksLikeToken(token)) return undefined
  const rows = await db.query<{ organisation_id: string; officer_id: string }>(
    `UPDATE sign_in_links SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING organisation_id, officer_id`,
    [hashToken(token)],
  )
  const row = rows[0]
  return row ? { organisationId: row.organisation_id, officerId: row.officer_id } : undefined
}

export async function deleteSpentSignInLinks(db: Queryable): Promise<number> {
  const rows = await db.query(
    `DELETE FROM sign_in_links WHERE expires_at <= now() - interval '1 day' RETURNING token_hash`,
  )
  return rows.length
}
