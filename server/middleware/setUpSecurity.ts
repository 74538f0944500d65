import compression from 'compression'
import type { Express, Request } from 'express'
import helmet from 'helmet'

// A survey's start page may be cached; every page after it holds a child's answers or their help request.
const respondentPageAfterStart = /^\/s\/[^/]+\/[^/]+\/./
const officerPage = /^\/(manage|sign-in|sign-out|signed-out)(\/|$)/

/**
 * Pages whose words must not come back from the browser's cache: after a child presses Send, or an
 * officer signs out, the Back button would otherwise show answers and free-text comments again.
 */
export const isPrivatePage = (req: Request): boolean =>
  respondentPageAfterStart.test(req.path) || officerPage.test(req.path)

/** Security headers on every response, a strict CSP with no inline script or style, and compression. */
export function setUpSecurity(app: Express, options: { behindTls: boolean }): void {
  app.disable('x-powered-by')
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
          // Only behind TLS: on plain http://localhost it would send the browser to https.
          upgradeInsecureRequests: options.behindTls ? [] : null,
        },
      },
      strictTransportSecurity: options.behindTls,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  )
  app.use((req, res, next) => {
    if (isPrivatePage(req)) res.set('Cache-Control', 'no-store')
    next()
  })
  app.use(compression())
}
