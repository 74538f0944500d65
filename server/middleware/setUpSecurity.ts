import compression from 'compression'
import type { Express } from 'express'
import helmet from 'helmet'

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
  app.use(compression())
}
