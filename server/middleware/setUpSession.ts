import type { Express } from 'express'
import session from 'express-session'
import type { Database } from '../db/database'
import { DatabaseSessionStore } from '../sessions/sessionStore'

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string
    language?: string
  }
}

export const sessionCookieName = 'heard.sid'

/** A session is only stored once something is put in it (a CSRF token for a form, a chosen language). */
export function setUpSession(
  app: Express,
  options: { db: Database; secret: string; maxAgeDays: number },
): void {
  app.use(
    session({
      name: sessionCookieName,
      store: new DatabaseSessionStore(options.db),
      secret: options.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: options.maxAgeDays * 24 * 60 * 60 * 1000,
      },
    }),
  )
}
