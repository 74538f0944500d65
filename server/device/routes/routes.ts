import { Router } from 'express'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import { requireRole } from '../../officers/setUpOfficerArea'
import { routePatterns } from '../../paths'
import type { ResponseLimits } from '../../responseLimits/routes/sender'
import { dataEntryPage, startDataEntryAction } from './dataEntryRoutes'
import { deviceMode } from './deviceMode'
import { emailLinkPage, emailLinkSentPage, sendEmailLink } from './emailLinkRoutes'
import { resumeFromLink } from './resumeLinkRoutes'
import { enterSharedDevice, idleReset, nextPersonPage, stillTherePage } from './sharedDeviceRoutes'
import { startAgain, startAgainPage } from './startAgainRoutes'

/**
 * The respondent's side: carrying on from an emailed link, starting again, and shared devices. Mount
 * before the respondent journey, whose pages read what deviceMode puts in res.locals.
 */
export function deviceRespondentRoutes(deps: {
  db: Database
  config: Config
  limits: ResponseLimits
  jobs: JobSender
}): Router {
  const { db, config, limits } = deps
  const patterns = routePatterns.device
  const router = Router()
  router.use(
    routePatterns.respond.start,
    deviceMode(db, { clock: limits.clock, draftTtlDays: config.draftTtlDays }),
  )
  router.get(patterns.emailLink, emailLinkPage(db))
  router.post(patterns.emailLink, sendEmailLink(deps))
  router.get(patterns.emailLinkSent, emailLinkSentPage(deps))
  router.get(patterns.resumeLink, resumeFromLink(deps))
  router.get(patterns.startAgain, startAgainPage(db))
  router.post(patterns.startAgain, startAgain(db))
  router.get(patterns.sharedStart, enterSharedDevice(db, limits.clock))
  router.get(patterns.stillThere, stillTherePage(db))
  router.get(patterns.idleReset, idleReset(db, limits.clock))
  router.get(patterns.nextPerson, nextPersonPage(db))
  return router
}

/** Typing in paper, face-to-face and phone responses, under /manage. Analysts and admins. */
export function dataEntryRoutes(deps: { db: Database; config: Config; clock: Clock }): Router {
  const analyst = requireRole('analyst')
  const router = Router()
  router.get(routePatterns.device.dataEntry, analyst, dataEntryPage(deps))
  router.post(routePatterns.device.dataEntry, analyst, startDataEntryAction(deps))
  return router
}
