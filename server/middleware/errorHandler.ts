import type { ErrorRequestHandler, RequestHandler } from 'express'
import { DomainError, NotFoundError } from '../errors'
import { defaultLanguage } from '../i18n/languages'
import { applyLanguage, type TranslatorFor } from './setUpI18n'

interface HttpError {
  status?: number
  statusCode?: number
  type?: string
}

const pageForStatus: Record<number, string> = { 403: 'forbidden', 404: 'notFound', 413: 'tooLarge' }

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new NotFoundError())
}

/**
 * Every error becomes a page in the person's language with the right status. Expected errors are
 * logged briefly; anything else is logged in full with the request id shown to the person, and no
 * detail of it ever reaches the page.
 */
export function errorHandler(translatorFor: TranslatorFor): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const httpError = error as HttpError
    const status =
      error instanceof DomainError ? error.status : (httpError.status ?? httpError.statusCode ?? 500)
    const known = status >= 400 && status < 500
    const page =
      error instanceof DomainError
        ? error.page.replace('errors/', '')
        : (pageForStatus[status] ?? (known ? 'badRequest' : 'serverError'))
    if (known)
      req.log.info({ status, reason: error instanceof Error ? error.message : 'unknown' }, 'request refused')
    else req.log.error({ err: error }, 'unhandled error')

    if (typeof res.locals.t !== 'function') applyLanguage(req, res, translatorFor, defaultLanguage)
    res.locals.csrfToken ??= () => ''
    res.status(known ? status : 500).render(`errors/${page}`, {
      pageTitle: req.t(`pages.${page}.title`),
      errorReference: known ? undefined : req.id,
    })
  }
}
