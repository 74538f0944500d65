import session from 'express-session'
import type { Database } from '../db/database'

type Callback = (error?: unknown) => void

const oneDay = 24 * 60 * 60 * 1000

const expiryOf = (data: session.SessionData): Date => new Date(Date.now() + (data.cookie.maxAge ?? oneDay))

/** Keeps sessions in the database, so the web tier holds no state and survives restarts. */
export class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Database) {
    super()
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    this.db
      .query<{ data: session.SessionData }>(
        'SELECT data FROM sessions WHERE sid = $1 AND expires_at > now()',
        [sid],
      )
      .then((rows) => {
        callback(null, rows[0]?.data ?? null)
      })
      .catch(callback)
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.db
      .query(
        `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
        [sid, JSON.stringify(data), expiryOf(data)],
      )
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  /** Moves the expiry on, but writes only when it moves by an hour or more, not on every request. */
  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.db
      .query(
        `UPDATE sessions SET expires_at = $2 WHERE sid = $1 AND expires_at < $2::timestamptz - interval '1 hour'`,
        [sid, expiryOf(data)],
      )
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db
      .query('DELETE FROM sessions WHERE sid = $1', [sid])
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }
}

export async function deleteExpiredSessions(db: Database): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING sid')
  return rows.length
}
