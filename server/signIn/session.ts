import type { Request } from 'express'

declare module 'express-session' {
  interface SessionData {
    /** The signed-in officer, and when they were last active (ms), for the idle time-out. */
    officer?: { id: string; organisationId: string; lastSeen: number }
  }
}

/**
 * A new session id at sign-in, so a session id known before signing in is worth nothing after.
 * The language chosen before signing in is kept.
 */
export async function startOfficerSession(
  req: Request,
  officer: { id: string; organisationId: string },
): Promise<void> {
  const language = req.session.language
  await new Promise<void>((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('Session could not be regenerated'))
      else resolve()
    })
  })
  req.session.language = language
  req.session.officer = { ...officer, lastSeen: Date.now() }
}

export async function endSession(req: Request): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    req.session.destroy((error: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('Session could not be ended'))
      else resolve()
    })
  })
}
