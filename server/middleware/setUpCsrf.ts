import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Express, Request } from 'express'
import { ForbiddenError } from '../errors'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

function postedToken(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined
  const token = body?._csrf ?? req.get('x-csrf-token')
  return typeof token === 'string' ? token : undefined
}

function sameToken(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
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
export const multipartPaths = new Set(['/manage/scorecards/import'])

/**
 * Synchroniser tokens: each session has a random token that every form posts back. Views call
 * csrfToken(), which creates it on first use, so a session is only stored for pages with a form.
 */
export function setUpCsrf(app: Express): void {
  app.use((req, res, next) => {
    res.locals.csrfToken = () => (req.session.csrfToken ??= randomBytes(24).toString('base64url'))
    if (safeMethods.has(req.method)) {
      next()
      return
    }
    if (req.is('multipart/form-data') && multipartPaths.has(req.path)) {
      next()
      return
    }
    const expected = req.session.csrfToken
    const actual = postedToken(req)
    if (!expected || !actual || !sameToken(expected, actual)) {
      next(new ForbiddenError('CSRF token missing or wrong'))
      return
    }
    next()
  })
}
