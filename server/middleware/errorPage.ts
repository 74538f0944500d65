import type { Request, Response } from 'express'
import { isDatabaseUnavailable } from '../db/unavailableErrors'
import { DomainError } from '../errors'
import { defaultLanguage } from '../i18n/languages'
import { applyLanguage, type TranslatorFor } from './setUpI18n'

interface HttpError {
  status?: number
  statusCode?: number
}

/** How long a busy or unavailable page asks the browser, and any client, to wait. */
export const retryAfterSeconds = 60

const pageForStatus: Record<number, string> = { 403: 'forbidden', 404: 'notFound', 413: 'tooLarge' }

/** The respondent journey lives under /s/: its busy page talks about answers being saved. */
export const isRespondentRequest = (req: Request): boolean => req.originalUrl.startsWith('/s/')

export function statusOf(error: unknown): number {
  if (error instanceof DomainError) return error.status
  if (isDatabaseUnavailable(error)) return 503
  const httpError = error as HttpError | undefined
  const status = httpError?.status ?? httpError?.statusCode ?? 500
  return status >= 400 && status < 500 ? status : 500
}

function pageOf(error: unknown, status: number, req: Request): string {
  if (status === 503) return isRespondentRequest(req) ? 'answersSaved' : 'unavailable'
  if (status >= 500) return 'serverError'
  if (error instanceof DomainError) return error.page.replace('errors/', '')
  return pageForStatus[status] ?? 'badRequest'
}

/** afterSend runs once this page has been handed to the response (not when something else answered first). */
export type ErrorPage = (error: unknown, req: Request, res: Response, afterSend?: () => void) => void

/**
 * Answers a request with the page for an error, in the person's language: 4xx pages say what to
 * fix, 503 pages say to try again in a minute (with Retry-After), anything else a 500 page with a
 * reference. The page is rendered to text before anything is sent, so a response that another part
 * of the request has answered meanwhile is left alone rather than written twice.
 */
export function createErrorPage(translatorFor: TranslatorFor): ErrorPage {
  return (error, req, res, afterSend) => {
    const status = statusOf(error)
    const page = pageOf(error, status, req)
    if (typeof res.locals.t !== 'function') applyLanguage(req, res, translatorFor, defaultLanguage)
    res.locals.csrfToken ??= () => ''
    const locals = {
      pageTitle: req.t(`pages.${page}.title`),
      errorReference: status >= 500 ? req.id : undefined,
      // Every respondent POST has a GET at the same address that leads back into the journey.
      tryAgainHref: isRespondentRequest(req) ? req.originalUrl : undefined,
    }
    res.render(`errors/${page}`, locals, (renderError: Error | null, html: string) => {
      if (res.headersSent) return
      if (renderError) req.log.error({ err: renderError }, 'error page could not be rendered')
      if (status === 503) res.set('Retry-After', String(retryAfterSeconds))
      if (status >= 500) res.set('Cache-Control', 'no-store')
      res.status(status)
      if (renderError) res.type('text/plain').send(String(status))
      else res.type('html').send(html)
      afterSend?.()
    })
  }
}
