import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import { NotFoundError } from '../errors'
import type { TranslatorFor } from './setUpI18n'
import { createErrorPage, statusOf } from './errorPage'

// express-session reports a failed write at the end while the page is still on its way out
// (through compression, so the response does not look ended yet): give it a moment to finish.
const finishingGraceMs = 1000

/** A response that never finishes (a download broken half-way) is cut, so it never looks complete. */
function cutIfUnfinished(res: Response): void {
  const cut = setTimeout(() => res.destroy(), finishingGraceMs)
  cut.unref()
  res.once('close', () => {
    clearTimeout(cut)
  })
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError())
}

/**
 * Every error becomes a page in the person's language with the right status, and a JSON log line
 * with the request id. Expected refusals are logged briefly; the database being busy or down is a
 * warning (503, try again); anything else is logged in full with the request id shown to the
 * person, and no detail of it ever reaches the page.
 *
 * An error after the response has started (a session write failing at the end, a download breaking
 * half-way) cannot become a page any more. It is logged; a response not yet complete is cut, so a
 * half-written file never looks whole; one on its way out is left to reach the browser. It is never
 * handed on to Express's own handler, which writes to stderr and resets the connection.
 */
export function errorHandler(translatorFor: TranslatorFor): ErrorRequestHandler {
  const errorPage = createErrorPage(translatorFor)
  // Express knows an error handler by its four parameters, so the unused last one stays.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      req.log.error({ err: error, status: res.statusCode }, 'error after the response started')
      if (!res.writableFinished) cutIfUnfinished(res)
      return
    }
    const status = statusOf(error)
    if (status === 503) req.log.warn({ err: error, status }, 'service unavailable')
    else if (status < 500)
      req.log.info({ status, reason: error instanceof Error ? error.message : 'unknown' }, 'request refused')
    else req.log.error({ err: error }, 'unhandled error')
    errorPage(error, req, res)
  }
}
