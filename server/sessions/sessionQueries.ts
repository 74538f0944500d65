import type session from 'express-session'
import type { Queryable } from '../db/database'

export async function findSessionData(db: Queryable, sid: string): Promise<session.SessionData | null> {
  const rows = await db.query<{ data: session.SessionData }>(
    'SELECT data FROM sessions WHERE sid = $1 AND expires_at > now()',
    [sid],
  )
  return rows[0]?.data ?? null
}

export async function upsertSession(
  db: Queryable,
  sid: string,
  stored: { data: session.SessionData; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
    [sid, JSON.stringify(stored.data), stored.expiresAt],
  )
}

/** Moves the expiry on, but writes only when it moves by an hour or more, not on every request. */
export async function extendSession(db: Queryable, sid: string, expiresAt: Date): Promise<void> {
  await db.query(
    `UPDATE sessions SET expires_at = $2 WHERE sid = $1 AND expires_at < $2::timestamptz - interval '1 hour'`,
    [sid, expiresAt],
  )
}

export async function deleteSession(db: Queryable, sid: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE sid = $1', [sid])
}

export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING sid')
  return rows.length
}

/** Stores a newly generated session secret, unless one is stored already. */
export async function insertSessionSecret(db: Queryable, value: string): Promise<void> {
  await db.query(
    `INSERT INTO app_secrets (name, value) VALUES ('session', $1) ON CONFLICT (name) DO NOTHING`,
    [value],
  )
}

export async function findSessionSecret(db: Queryable): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = 'session'`)
  return rows[0]?.value
}
