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

const acceptableRequestId = /^[A-Za-z0-9-]{8,64}$/

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
 * that also goes back in a header. Bodies, cookies and query strings are never logged.
 */
export function setUpRequestLogging(app: Express, logger: Logger): void {
  app.use((req, res, next) => {
    const incoming = req.get('x-request-id')
    req.id = incoming && acceptableRequestId.test(incoming) ? incoming : randomUUID()
    req.log = logger.child({ requestId: req.id })
    res.setHeader('X-Request-Id', req.id)
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      const level = res.statusCode >= 500 ? 'error' : req.path === '/healthz' ? 'debug' : 'info'
      req.log[level](
        {
          method: req.method,
          route: routeOf(req),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      )
    })
    next()
  })
}
