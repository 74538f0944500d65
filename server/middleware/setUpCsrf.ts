import { randomBytes } from 'node:crypto'
import type { Express, Request, Response } from 'express'
import { ForbiddenError } from '../errors'
import { paths } from '../paths'
import { csrfCookieBase, siteCookieName, siteCookieOptions } from '../sessions/cookieNames'
import { formTokenFor, isFormTokenFor, newCookieValue, sameToken } from '../sessions/doubleSubmitToken'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const cookieValuePattern = /^[A-Za-z0-9_-]{32}$/

function postedToken(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined
  const token = body?._csrf ?? req.get('x-csrf-token')
  return typeof token === 'string' ? token : undefined
}

/** Whether a token posted with a form is the session's; for the forms whose body is read later. */
export function isSessionCsrfToken(req: Request, actual: unknown): boolean {
  const expected = req.session.csrfToken
  return typeof expected === 'string' && typeof actual === 'string' && sameToken(expected, actual)
}

/**
 * File uploads (multipart forms) to these paths carry their token inside the body, which only the
 * route reads; each such route must call isSessionCsrfToken itself. Every other multipart post is
 * refused here like any post without a token.
 */
export const multipartPaths = new Set([
  paths.manage.scorecardImport,
  paths.manage.scorecardComparisonImport,
  paths.manage.importSurvey,
])

/** Uploads like those of multipartPaths whose path names a survey: its contact lists. */
const multipartPatterns = [/^\/manage\/surveys\/[a-z0-9-]+\/invitations\/upload$/]

interface CsrfOptions {
  secret: string
  /** Requests arrive over TLS: the cookie is Secure and named `__Host-`. */
  secure: boolean
}

const hasOfficerSession = (req: Request): boolean => req.session.officer !== undefined

/**
 * Something that stays the same for one browser between requests without a session row: the
 * officer's session id, or the value of the form-token cookie every post must carry.
 */
export const browserIdOf = (res: Response): string => {
  const id: unknown = res.locals.browserId
  return typeof id === 'string' ? id : ''
}

function cookieTokenSource(req: Request, res: Response, options: CsrfOptions) {
  const name = siteCookieName(csrfCookieBase, options.secure)
  const cookies = req.cookies as Record<string, unknown> | undefined
  const sent = cookies?.[name]
  const current = typeof sent === 'string' && cookieValuePattern.test(sent) ? sent : undefined
  let issued: string | undefined
  return {
    current,
    /** The token for a form on this page, setting the cookie the first time one is needed. */
    formToken: (): string => {
      if (!current && !issued) {
        issued = newCookieValue()
        res.cookie(name, issued, siteCookieOptions(options.secure))
      }
      return formTokenFor(options.secret, current ?? issued ?? '')
    },
  }
}

/**
 * Every post carries a token another site cannot know. Signed-in officers keep a synchroniser token
 * in their session. Everyone else (respondents, people signing in) gets a signed double-submit
 * token, so a survey can be answered without a session row being written for each visitor.
 */
export function setUpCsrf(app: Express, options: CsrfOptions): void {
  app.use((req, res, next) => {
    const officer = hasOfficerSession(req)
    const cookieToken = cookieTokenSource(req, res, options)
    res.locals.csrfToken = officer
      ? () => (req.session.csrfToken ??= randomBytes(24).toString('base64url'))
      : cookieToken.formToken
    res.locals.browserId = officer ? req.sessionID : cookieToken.current
    if (safeMethods.has(req.method)) {
      next()
      return
    }
    if (
      req.is('multipart/form-data') &&
      (multipartPaths.has(req.path) || multipartPatterns.some((pattern) => pattern.test(req.path)))
    ) {
      next()
      return
    }
    const actual = postedToken(req)
    const expected = officer ? req.session.csrfToken : cookieToken.current
    const valid =
      expected !== undefined &&
      actual !== undefined &&
      (officer ? sameToken(expected, actual) : isFormTokenFor(options.secret, expected, actual))
    if (!valid) {
      next(new ForbiddenError('CSRF token missing or wrong'))
      return
    }
    next()
  })
}
