import { Router } from 'express'
import type { Database } from '../../db/database'
import { requireRole } from '../../officers/setUpOfficerArea'
import { addAboutYou } from './aboutYouRoutes'
import { conditionPage, saveCondition } from './conditionRoutes'
import { createBlank, createCopy, newBlankPage, newCopyPage } from './createRoutes'
import { builderHome, discardChanges, publishChanges } from './homeRoutes'
import { moveQuestionAction, removeQuestionAction, removeQuestionPage } from './orderRoutes'
import { editPagePage, newPagePage, removePage, savePage } from './pageRoutes'
import { picturePage, savePicture } from './pictureRoutes'
import { saveSettings, settingsPage } from './settingsRoutes'
import { previewPage, startPreview, stopPreview } from './previewRoutes'
import { chooseKind, chooseKindPage, editQuestionPage, newQuestionPage, saveQuestion } from './questionRoutes'

/**
 * The survey builder, for analysts and admins only (viewers are refused every page). Mounted in the
 * survey management router before its /surveys/:survey routes.
 */
export function surveyBuilderRoutes(deps: { db: Database }): Router {
  const { db } = deps
  const router = Router()
  router.use(['/surveys/new/blank', '/surveys/new/copy', '/surveys/:survey/builder'], requireRole('analyst'))
  router.get('/surveys/new/blank', newBlankPage)
  router.post('/surveys/new/blank', createBlank(db))
  router.get('/surveys/new/copy', newCopyPage(db))
  router.post('/surveys/new/copy', createCopy(db))
  const base = '/surveys/:survey/builder'
  router.get(base, builderHome(db))
  router.post(`${base}/publish`, publishChanges(db))
  router.post(`${base}/discard`, discardChanges(db))
  router.post(`${base}/about-you`, addAboutYou(db))
  router.get(`${base}/settings`, settingsPage(db))
  router.post(`${base}/settings`, saveSettings(db))
  router.get(`${base}/preview`, previewPage(db))
  router.post(`${base}/preview`, startPreview(db))
  router.post(`${base}/preview/end`, stopPreview(db))
  router.get(`${base}/questions/new`, chooseKindPage(db))
  router.post(`${base}/questions/new`, chooseKind(db))
  router.get(`${base}/questions/new/:kind`, newQuestionPage(db))
  router.post(`${base}/questions/new/:kind`, saveQuestion(db, 'add'))
  router.get(`${base}/questions/:question`, editQuestionPage(db))
  router.post(`${base}/questions/:question`, saveQuestion(db, 'edit'))
  router.get(`${base}/questions/:question/remove`, removeQuestionPage(db))
  router.post(`${base}/questions/:question/remove`, removeQuestionAction(db))
  router.post(`${base}/questions/:question/move`, moveQuestionAction(db))
  router.get(`${base}/questions/:question/picture`, picturePage(db))
  router.post(`${base}/questions/:question/picture`, savePicture(db))
  router.get(`${base}/questions/:question/condition`, conditionPage(db))
  router.post(`${base}/questions/:question/condition`, saveCondition(db))
  router.get(`${base}/pages/new`, newPagePage(db))
  router.post(`${base}/pages/new`, savePage(db, 'add'))
  router.get(`${base}/pages/:page`, editPagePage(db))
  router.post(`${base}/pages/:page`, savePage(db, 'edit'))
  router.post(`${base}/pages/:page/remove`, removePage(db))
  return router
}
