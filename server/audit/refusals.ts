import type { ErrorRequestHandler, Request } from 'express'
import type { Database, Queryable } from '../db/database'
import { ForbiddenError, NotAllowedError } from '../errors'
import { findOfficer } from '../officers/queries'
import { findSignInLink } from '../signIn/linkQueries'
import { hashToken, looksLikeToken } from '../signIn/signInLinks'
import { recordAudit } from './recordAudit'

/**
 * Refused attempts worth an admin's attention. Each row says who (when known), what they asked for
 * (the method and path, never the query, a token or what was typed) and why. A refusal with nobody
 * to attribute it to has no organisation to be logged in, and is left to the request log.
 */
const whatWasAsked = (req: Request): string => `${req.method} ${req.baseUrl}${req.path}`.slice(0, 200)

/** The signed-in officer, from the request or, before the officer area has read it, from the session. */
async function officerOf(db: Queryable, req: Request) {
  if (req.officer) return req.officer
  const signedIn = req.session.officer
  return signedIn ? findOfficer(db, signedIn) : undefined
}

/**
 * Records an officer refused by their role (403), and a post to an officer page without the session's
 * CSRF token, then hands the error on unchanged to the error page. Recording must never turn a refusal
 * into a server error, so a failure to record is logged and the refusal still answered.
 */
export function auditRefusals(db: Database): ErrorRequestHandler {
  return (error: unknown, req, _res, next) => {
    const byRole = error instanceof NotAllowedError
    const withoutCsrf = !byRole && error instanceof ForbiddenError && req.originalUrl.startsWith('/manage')
    if (!byRole && !withoutCsrf) {
      next(error)
      return
    }
    void (async () => {
      const officer = await officerOf(db, req)
      if (!officer) return
      await recordAudit(db, {
        organisationId: officer.organisationId,
        officer,
        action: byRole ? 'refused-by-role' : 'refused-without-csrf',
        subject: whatWasAsked(req),
        details: byRole ? { role: officer.role, reason: error.message } : { reason: error.message },
      })
    })()
      .catch((failure: unknown) => {
        req.log.error({ err: failure }, 'refusal could not be audited')
      })
      .finally(() => {
        next(error)
      })
  }
}

/**
 * A sign-in link refused because it was used or out of date is recorded against the officer it was
 * made for, so an admin can see links being replayed; the token itself is never written. A token that
 * was never ours belongs to no organisation, and the guessing limit already counts it.
 */
export async function recordRefusedSignInLink(db: Queryable, token: unknown): Promise<void> {
  if (typeof token !== 'string' || !looksLikeToken(token)) return
  const link = await findSignInLink(db, hashToken(token))
  if (!link) return
  const officer = await findOfficer(db, { organisationId: link.organisation_id, id: link.officer_id })
  await recordAudit(db, {
    organisationId: link.organisation_id,
    officer: officer ?? undefined,
    actor: 'removed officer',
    action: 'refused-sign-in-link',
    subject: officer?.email ?? 'removed officer',
    details: { reason: link.used ? 'already used' : 'out of date' },
  })
}

/** An erasure refused because the reference is not one of the organisation's responses. */
export async function recordRefusedErasure(
  db: Queryable,
  officer: { organisationId: string; id: string; email: string },
  reason: string,
): Promise<void> {
  await recordAudit(db, {
    organisationId: officer.organisationId,
    officer,
    action: 'refused-erasure',
    details: { reason },
  })
}
