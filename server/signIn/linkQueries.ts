import type { Queryable } from '../db/database'

/** Tokens are looked up by their sha256 (hex): the database never holds a token itself. */
export async function insertSignInLink(
  db: Queryable,
  link: { tokenHash: string; organisationId: string; officerId: string; minutes: number },
): Promise<void> {
  await db.query(
    `INSERT INTO sign_in_links (token_hash, organisation_id, officer_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
    [link.tokenHash, link.organisationId, link.officerId, link.minutes],
  )
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

/** Holds the officer's links until the transaction ends, so two jobs for one officer count one after the other. */
export async function lockSignInLinksOf(tx: Queryable, officerId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in:${officerId}`])
}

export async function deleteUnusedSignInLink(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sign_in_links WHERE token_hash = $1 AND used_at IS NULL', [tokenHash])
}

export async function hasUsableSignInLink(db: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM sign_in_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()',
    [tokenHash],
  )
  return rows.length > 0
}

/** Uses the link: one statement, so of two simultaneous attempts exactly one succeeds. */
export async function markSignInLinkUsed(
  db: Queryable,
  tokenHash: string,
): Promise<{ organisationId: string; officerId: string } | undefined> {
  const rows = await db.query<{ organisation_id: string; officer_id: string }>(
    `UPDATE sign_in_links SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING organisation_id, officer_id`,
    [tokenHash],
  )
  const row = rows[0]
  return row ? { organisationId: row.organisation_id, officerId: row.officer_id } : undefined
}

/** Whoever a link was made for, and whether it was used, whether or not it is still in date. */
export async function findSignInLink(
  db: Queryable,
  tokenHash: string,
): Promise<{ organisation_id: string; officer_id: string; used: boolean } | undefined> {
  const [link] = await db.query<{ organisation_id: string; officer_id: string; used: boolean }>(
    `SELECT organisation_id, officer_id, used_at IS NOT NULL AS used FROM sign_in_links WHERE token_hash = $1`,
    [tokenHash],
  )
  return link
}

export async function deleteSpentSignInLinks(db: Queryable): Promise<number> {
  const rows = await db.query(
    `DELETE FROM sign_in_links WHERE expires_at <= now() - interval '1 day' RETURNING token_hash`,
  )
  return rows.length
}
