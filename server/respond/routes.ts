import { Router } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import type { JobSender } from '../jobs/jobQueue'
import { routePatterns } from '../paths'
import type { ResponseLimits } from '../responseLimits/routes/sender'
import { checkAnswersPage, confirmationPage, submitAnswers } from './checkAnswersRoutes'
import { continueFromInformationPage, informationPage } from './informationPageRoutes'
import { answerQuestion, questionPage } from './questionRoutes'
import { beginSurvey, startPage } from './startRoutes'

/** The respondent journey: start, one question a page, check answers, send, confirmation. */
export function respondRoutes(deps: {
  db: Database
  config: Config
  limits: ResponseLimits
  /** Where a worrying answer's safeguarding alert email is queued, in the submit's transaction. */
  jobs: JobSender
}): Router {
  const { db, config, limits } = deps
  const patterns = routePatterns.respond
  const router = Router()
  router.get(patterns.start, startPage(db, { config, limits }))
  router.post(patterns.begin, beginSurvey(db, { config, limits }))
  // The language links of a page reached by a POST point at its URL; send those GETs somewhere real.
  router.get(patterns.begin, (req, res) => {
    res.redirect(303, req.originalUrl.replace(/\/start(\?|$)/, '$1'))
  })
  router.get(patterns.question, questionPage(db))
  router.post(patterns.question, answerQuestion(db, config))
  router.get(patterns.informationPage, informationPage(db))
  router.post(patterns.informationPage, continueFromInformationPage(db))
  router.get(patterns.checkAnswers, checkAnswersPage(db))
  router.post(patterns.submit, submitAnswers(db, limits, deps.jobs))
  router.get(patterns.submit, (req, res) => {
    res.redirect(303, req.originalUrl.replace(/\/submit(\?|$)/, '/check-answers$1'))
  })
  router.get(patterns.confirmation, confirmationPage(db))
  return router
}
