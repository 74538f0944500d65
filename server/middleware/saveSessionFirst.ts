import type { RequestHandler, Response } from 'express'
import type session from 'express-session'
import { ServiceUnavailableError } from '../errors'
import type { ErrorPage } from './errorPage'

// What express-session compares to decide a session changed: everything but the cookie.
const contentOf = (data: session.Session | undefined): string =>
  JSON.stringify(data ?? null, function (this: unknown, key, value: unknown) {
    return this === data && key === 'cookie' ? undefined : value
  })

type End = Response['end']

/**
 * express-session writes a changed session only inside res.end, after the status and headers have
 * gone: when that write fails (database restarting, locked, disk full), it can neither change the
 * page nor stop the redirect, and hands the error on too late to be anything but a reset
 * connection. Here a changed session is saved before the first byte, so a failure still becomes a
 * page: the busy page, 503 with Retry-After, instead of a page that pretends all went well. The
 * later save inside express-session then sees nothing new to write. Sessions that did not change
 * are not written, so a visitor who needs no session still gets no row.
 */
export function saveSessionFirst(errorPage: ErrorPage): RequestHandler {
  return (req, res, next) => {
    const before = contentOf(req.session)
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    let saving = false
    res.end = function endAfterSaving(...args: unknown[]) {
      const current = req.session as session.Session | undefined
      if (saving || res.headersSent || !current || contentOf(current) === before) return end(...args)
      saving = true
      current.save((error: unknown) => {
        if (!error) {
          end(...args)
          return
        }
        req.log.warn({ err: error }, 'session could not be saved')
        // Without a session, express-session neither tries the write again at the end (which would
        // fail after the page had started) nor sends a cookie for a session that was never stored.
        Object.assign(req, { session: undefined })
        res.locals.csrfToken = () => ''
        for (const header of ['Set-Cookie', 'Location', 'Content-Type', 'Content-Length', 'ETag'])
          res.removeHeader(header)
        errorPage(new ServiceUnavailableError('Session could not be saved'), req, res)
      })
      return res
    } as End
    next()
  }
}
