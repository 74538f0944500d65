import { Router } from 'express'
import type { Database } from '../../db/database'
import { requireRole } from '../../officers/setUpOfficerArea'
import { countingPage, saveCounting } from './countingPages'
import { addOutcome, frameworkPage, outcomePage, useTemplate } from './frameworkPages'
import { importFile, importPage } from './importPages'
import { indicatorFormPage, saveIndicator } from './indicatorPages'
import { commentaryPage, removeYouSaidWeDid, youSaidWeDidPage } from './notesPages'
import { publish, publishPage } from './publishPages'
import {
  comparisonImportPage,
  comparisonsPage,
  importComparisons,
  removeComparison,
  saveComparison,
} from './referencePages'
import { runPage } from './runPages'
import { saveTranslationsForm, translationsPage } from './translationPages'
import type { JobSender } from '../../jobs/jobQueue'
import { saveValue, valuesPage } from './valuesPages'

/**
 * Setting up and keeping scorecards: anyone may read the framework; analysts define indicators,
 * enter figures, write commentary and "You said, we did"; only admins publish.
 */
export function scorecardManagementRoutes(db: Database, jobs: JobSender): Router {
  const router = Router()
  const analyst = requireRole('analyst')
  const admin = requireRole('admin')
  router.get('/scorecards/framework', frameworkPage(db))
  router.post('/scorecards/framework/template', analyst, useTemplate(db))
  router.post('/scorecards/framework/outcomes', analyst, addOutcome(db))
  router.get('/scorecards/framework/outcomes/:outcome', analyst, outcomePage(db))
  router.post('/scorecards/framework/outcomes/:outcome', analyst, outcomePage(db))
  router.get('/scorecards/indicators/new', analyst, indicatorFormPage(db))
  router.post('/scorecards/indicators/new', analyst, saveIndicator(db))
  router.get('/scorecards/indicators/:indicator', analyst, indicatorFormPage(db))
  router.post('/scorecards/indicators/:indicator', analyst, saveIndicator(db))
  router.get('/scorecards/indicators/:indicator/counting', analyst, countingPage(db))
  router.post('/scorecards/indicators/:indicator/counting', analyst, saveCounting(db))
  router.get('/scorecards/indicators/:indicator/values', analyst, valuesPage(db))
  router.post('/scorecards/indicators/:indicator/values', analyst, saveValue(db))
  router.get('/scorecards/indicators/:indicator/commentary', analyst, commentaryPage(db))
  router.post('/scorecards/indicators/:indicator/commentary', analyst, commentaryPage(db))
  router.get('/scorecards/indicators/:indicator/comparisons', analyst, comparisonsPage(db))
  router.post('/scorecards/indicators/:indicator/comparisons', analyst, saveComparison(db))
  router.post('/scorecards/indicators/:indicator/comparisons/remove', analyst, removeComparison(db))
  router.get('/scorecards/comparisons/import', analyst, comparisonImportPage())
  router.post('/scorecards/comparisons/import', analyst, importComparisons(db))
  router.get('/scorecards/translations', analyst, translationsPage(db))
  router.post('/scorecards/translations', analyst, saveTranslationsForm(db))
  router.get('/scorecards/import', analyst, importPage())
  router.post('/scorecards/import', analyst, importFile(db))
  router.get('/scorecards/you-said-we-did', analyst, youSaidWeDidPage(db))
  router.post('/scorecards/you-said-we-did', analyst, youSaidWeDidPage(db))
  router.post('/scorecards/you-said-we-did/remove', analyst, removeYouSaidWeDid(db))
  router.get('/scorecards/publish', admin, publishPage(db))
  router.post('/scorecards/publish', admin, publish(db, jobs))
  router.get('/scorecards/runs/:run', runPage(db))
  return router
}
