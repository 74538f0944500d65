import { Router } from 'express'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { pingDatabase } from './queries'

const answerWithin = <T>(work: Promise<T>, milliseconds: number): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => {
        reject(new Error('timed out'))
      }, milliseconds).unref(),
    ),
  ])

/** 200 when the database answers within two seconds, 503 otherwise; for load balancers and monitors. */
export function healthRoutes(db: Database): Router {
  const router = Router()
  router.get(paths.healthz, async (_req, res) => {
    try {
      await answerWithin(pingDatabase(db), 2000)
      res.set('Cache-Control', 'no-store').json({ status: 'ok' })
    } catch {
      res.status(503).set('Cache-Control', 'no-store').json({ status: 'unavailable' })
    }
  })
  return router
}
