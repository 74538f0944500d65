import type { Request } from 'express'

declare module 'express-session' {
  interface SessionData {
    /**
     * The signed-in officer; when they signed in (ms), for the absolute lifetime; and when they were
     * last active (ms), for the idle time-out.
     */
    officer?: { id: string; organisationId: string; startedAt: number; lastSeen: number }
  }
}

/**
 * A new session id at sign-in, so a session id known before signing in (fixed by an attacker, or
 * left on a shared computer) is worth nothing after. Nothing from before is carried over: the
 * language is in its own cookie, and a group code or form token belongs to the visitor, not the
 * officer.
 */
export async function startOfficerSession(
  req: Request,
  officer: { id: string; organisationId: string },
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('Session could not be regenerated'))
      else resolve()
    })
  })
  const now = Date.now()
  req.session.officer = { ...officer, startedAt: now, lastSeen: now }
}

/** Deletes the session row and tells the browser to forget its cookie. */
export async function endSession(req: Request): Promise<void> {
  const cookieName = sessionCookieOf(req)
  await new Promise<void>((resolve, reject) => {
    req.session.destroy((error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('Session could not be ended'))
      else resolve()
    })
  })
  if (cookieName) req.res?.clearCookie(cookieName, { path: '/' })
}

/** The name of the session cookie this request came with (it is `__Host-` prefixed behind TLS). */
function sessionCookieOf(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined
  return Object.keys(cookies ?? {}).find((name) => name === 'heard.sid' || name === '__Host-heard.sid')
}
