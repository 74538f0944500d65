import type { RequestHandler, Response } from 'express'
import { ServiceUnavailableError } from '../errors'
import type { ErrorPage } from './errorPage'

/**
 * After the deadline's page has gone, whatever the route still does must not reach the wire or
 * throw "headers already sent": its writes become no-ops and its status cannot change what the
 * request log records.
 */
function ignoreLateAnswer(res: Response): void {
  const status = res.statusCode
  const ignored = function (this: Response) {
    return this
  }
  Object.assign(res, { setHeader: ignored, writeHead: ignored, end: ignored, write: () => true })
  Object.defineProperty(res, 'statusCode', { get: () => status, set: () => undefined, configurable: true })
}

/**
 * Every request is answered within timeoutMs: if the route has not started its answer by then,
 * the person gets the busy page (503 with Retry-After), and the route's late answer is dropped.
 * A response already streaming (a long download) is left to finish.
 */
export function requestDeadline(options: { timeoutMs: number; errorPage: ErrorPage }): RequestHandler {
  return (req, res, next) => {
    // Each layer that must know when a response closes (this deadline, the request log, the pool
    // share, export slots, compression, a download's pipeline) listens once: more than Node's default
    // warning level of 10, but a fixed number per response, not a leak.
    res.setMaxListeners(20)
    const timer = setTimeout(() => {
      if (res.headersSent) return
      req.log.warn({ timeoutMs: options.timeoutMs }, 'request deadline passed')
      options.errorPage(new ServiceUnavailableError('Request deadline passed'), req, res, () => {
        ignoreLateAnswer(res)
      })
    }, options.timeoutMs)
    timer.unref()
    res.once('close', () => {
      clearTimeout(timer)
    })
    next()
  }
}
