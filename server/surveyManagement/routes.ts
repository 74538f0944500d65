import { Router } from 'express'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { requireRole } from '../officers/setUpOfficerArea'
import { surveyBuilderRoutes } from '../surveyBuilder/routes/routes'
import { createSurvey, newSurveyPage, surveyListPage } from './surveyListRoutes'
import { changeClosingDate, changeStatus, qrCode, surveyPage } from './surveyRoutes'
import { editWordsPage, saveWords } from './wordsRoutes'

/** Officers running their organisation's surveys. Mounted under /manage behind requireOfficer. */
export function surveyManagementRoutes(deps: { db: Database; config: Config; clock: Clock }): Router {
  const { db, config, clock } = deps
  const analyst = requireRole('analyst')
  const router = Router()
  router.get('/', surveyListPage(db))
  // Before /surveys/:survey, so /surveys/new/blank is the builder's and not a survey named "new".
  router.use(surveyBuilderRoutes({ db }))
  router.get('/surveys/new', analyst, newSurveyPage)
  router.post('/surveys/new', analyst, createSurvey(db))
  router.get('/surveys/:survey', surveyPage(db, config))
  router.post('/surveys/:survey/open', analyst, changeStatus(db, 'open', { clock, config }))
  router.post('/surveys/:survey/close', analyst, changeStatus(db, 'closed', { clock, config }))
  router.post('/surveys/:survey/closing-date', analyst, changeClosingDate(db, config))
  router.get('/surveys/:survey/words/:language', analyst, editWordsPage(db))
  router.post('/surveys/:survey/words/:language', analyst, saveWords(db))
  router.get('/surveys/:survey/qr-code.png', analyst, qrCode(db, config, 'png'))
  router.get('/surveys/:survey/qr-code.svg', analyst, qrCode(db, config, 'svg'))
  return router
}
