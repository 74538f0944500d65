import type { Express } from 'express'
import session from 'express-session'
import type { Database } from '../db/database'
import { DatabaseSessionStore } from '../sessions/sessionStore'
import { sessionCookieBase, siteCookieName } from '../sessions/cookieNames'

declare module 'express-session' {
  interface SessionData {
    csrfToken?: string
  }
}

/** The session cookie's name: `__Host-heard.sid` behind TLS, `heard.sid` on plain http. */
export const sessionCookieNameFor = (secure: boolean): string => siteCookieName(sessionCookieBase, secure)

/**
 * Server sessions are for officers (and the few respondent pages that must remember something, such
 * as a group code). A session is only stored once something is put in it: respondents' form tokens
 * and language live in cookies, so answering a survey writes no session row.
 */
export function setUpSession(
  app: Express,
  options: { db: Database; secret: string; maxAgeHours: number; secure: boolean },
): void {
  app.use(
    session({
      name: sessionCookieNameFor(options.secure),
      store: new DatabaseSessionStore(options.db),
      secret: options.secret,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        // `__Host-` cookies must be Secure; on plain http the browser decides by the request.
        secure: options.secure ? true : 'auto',
        maxAge: options.maxAgeHours * 60 * 60 * 1000,
      },
    }),
  )
}
