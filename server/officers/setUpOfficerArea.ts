import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { Database } from '../db/database'
import { NotAllowedError, NotFoundError } from '../errors'
import { paths } from '../paths'
import { findOfficer, type Officer } from './queries'
import { canSeeAlerts, hasRole, type Role } from './roles'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      officer?: Officer
    }
  }
}

// Writing the session on every request would cost a database write each time; a minute is precise enough.
const lastSeenPrecisionMs = 60_000

/**
 * Everything under /manage needs a signed-in officer who still exists, has not been idle too long and
 * signed in less than the absolute lifetime ago.
 * The officer is read afresh on every request, so a removed officer or a changed role takes effect at once.
 */
export function requireOfficer(
  db: Database,
  idleMinutes: number,
  /** However active, an officer signs in again after this long (OFFICER_SESSION_HOURS). */
  sessionHours = 12,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const signedIn = req.session.officer
    if (!signedIn) {
      res.redirect(303, paths.signIn.request)
      return
    }
    const now = Date.now()
    // A session from before the absolute lifetime existed has no start: it has to sign in again.
    const tooOld = !(now - signedIn.startedAt <= sessionHours * 3_600_000)
    if (tooOld || now - signedIn.lastSeen > idleMinutes * 60_000) {
      delete req.session.officer
      res.redirect(303, `${paths.signIn.request}?expired=1`)
      return
    }
    const officer = await findOfficer(db, signedIn)
    if (!officer) {
      delete req.session.officer
      res.redirect(303, paths.signIn.request)
      return
    }
    if (now - signedIn.lastSeen > lastSeenPrecisionMs) signedIn.lastSeen = now
    req.officer = officer
    res.locals.officer = officer
    res.locals.organisationName = officer.organisationName
    next()
  }
}

export function signedInOfficer(req: Request): Officer {
  if (!req.officer) throw new Error('No officer on a request under /manage')
  return req.officer
}

export const requireRole =
  (role: Exclude<Role, 'safeguarding'>): RequestHandler =>
  (req, _res, next) => {
    if (!hasRole(signedInOfficer(req).role, role)) throw new NotAllowedError(`Needs the ${role} role`)
    next()
  }

/** Safeguarding alerts: admins and safeguarding officers. Anyone else gets the same 404 as a missing page. */
export const requireAlertReader: RequestHandler = (req, _res, next) => {
  if (!canSeeAlerts(signedInOfficer(req).role)) throw new NotFoundError('Alerts are not shown to this role')
  next()
}
