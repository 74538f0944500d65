import session from 'express-session'
import type { Database } from '../db/database'
import { deleteSession, extendSession, findSessionData, upsertSession } from './sessionQueries'

type Callback = (error?: unknown) => void

const oneDay = 24 * 60 * 60 * 1000

const expiryOf = (data: session.SessionData): Date => new Date(Date.now() + (data.cookie.maxAge ?? oneDay))

/** Keeps sessions in the database, so the web tier holds no state and survives restarts. */
export class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Database) {
    super()
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    findSessionData(this.db, sid)
      .then((data) => {
        callback(null, data)
      })
      .catch(callback)
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    upsertSession(this.db, sid, { data, expiresAt: expiryOf(data) })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    extendSession(this.db, sid, expiryOf(data))
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }

  override destroy(sid: string, callback?: Callback): void {
    deleteSession(this.db, sid)
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error))
  }
}
