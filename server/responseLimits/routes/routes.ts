import { Router } from 'express'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import { requireRole } from '../../officers/setUpOfficerArea'
import { routePatterns } from '../../paths'
import { groupCodePage, enterGroupCode } from './groupCodeRoutes'
import { endGroupSessionAction, groupSessionsPage, openGroupSessionAction } from './groupSessionRoutes'
import { decideHeldResponses, heldResponsesPage } from './heldResponseRoutes'
import type { ResponseLimits } from './sender'
import type { JobSender } from '../../jobs/jobQueue'

/**
 * Officers' side of the limits, under /manage: group sessions for classes, and held responses to
 * include or discard. Both change what is counted, so they are for analysts and admins.
 */
export function responseReviewRoutes(deps: {
  db: Database
  config: Config
  limits: ResponseLimits
  jobs: JobSender
}): Router {
  const patterns = routePatterns.responseReview
  const analyst = requireRole('analyst')
  const router = Router()
  router.get(patterns.groupSessions, analyst, groupSessionsPage(deps))
  router.post(patterns.groupSessions, analyst, openGroupSessionAction(deps))
  router.post(patterns.groupSessionEnd, analyst, endGroupSessionAction(deps))
  router.get(patterns.heldResponses, analyst, heldResponsesPage(deps))
  router.post(patterns.heldResponses, analyst, decideHeldResponses(deps))
  return router
}

/** The respondent's page to type a group code. */
export function groupCodeRoutes(deps: { db: Database; limits: ResponseLimits }): Router {
  const router = Router()
  router.get(routePatterns.respond.groupCode, groupCodePage(deps.db))
  router.post(routePatterns.respond.groupCode, enterGroupCode(deps.db, deps.limits))
  return router
}
