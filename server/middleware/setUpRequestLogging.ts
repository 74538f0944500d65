import { randomUUID } from 'node:crypto'
import type { Express, Request } from 'express'
import type { Logger } from '../logger'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      id: string
      log: Logger
    }
  }
}

// A load balancer's or client's id is kept only when it is a short, plain token: anything else
// (spaces, line breaks, unicode, 200 characters) could forge or break log lines, so a new id is made.
const acceptableRequestId = /^[A-Za-z0-9_-]{8,64}$/

// Anything long and random-looking in a path that matched no route (a token, say) is not logged.
const secretLooking = /[A-Za-z0-9_-]{20,}/g

/** The route's pattern (/sign-in/link/:token), never the path itself, so no token reaches the log. */
const routeOf = (req: Request): string => {
  const route = req.route as { path?: unknown } | undefined
  return typeof route?.path === 'string'
    ? `${req.baseUrl}${route.path}`
    : req.path.replace(secretLooking, '…')
}

/**
 * One log line per request: method, route pattern, status and time taken, with a request id
 * that also goes back in a header. Bodies, cookies and query strings are never logged. The line is
 * written when the response is complete, or when the connection closes first, marked aborted, with
 * the status only if it reached the browser, so the log shows what the client really got.
 */
export function setUpRequestLogging(app: Express, logger: Logger): void {
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id')
    req.id = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID()
    req.log = logger.child({ requestId: req.id })
    res.setHeader('X-Request-Id', req.id)
    const started = process.hrtime.bigint()
    let logged = false
    const logOnce = () => {
      if (logged) return
      logged = true
      const durationMs = Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 10) / 10
      // Closed before the last byte was handed over: the browser saw a cut page or none at all.
      const aborted = !res.writableFinished
      const status = res.headersSent ? res.statusCode : undefined
      const level =
        res.statusCode >= 500 && res.statusCode !== 503
          ? 'error'
          : aborted || res.statusCode === 503
            ? 'warn'
            : req.path === '/healthz'
              ? 'debug'
              : 'info'
      req.log[level](
        { method: req.method, route: routeOf(req), status, durationMs, ...(aborted ? { aborted } : {}) },
        'request',
      )
    }
    res.once('finish', logOnce)
    res.once('close', logOnce)
    next()
  })
}
