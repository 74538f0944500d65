import { Router } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { requireRole } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { exportFile, importForm, importUpload, surveyFileSchemaPage } from './surveyFilePages'

/**
 * Survey files: the published schema (public, so files can point at it), exporting one of the
 * organisation's surveys and importing a file as a new draft (analysts and admins). Mounted after
 * requireOfficer, so the /manage paths are officers' only; the paths are registered from paths.ts.
 */
export function surveyFileRoutes(deps: { db: Database; config: Config }): Router {
  const analyst = requireRole('analyst')
  const router = Router()
  router.get(paths.surveyFileSchema, surveyFileSchemaPage)
  router.get(paths.manage.importSurvey, analyst, importForm)
  router.post(paths.manage.importSurvey, analyst, importUpload(deps.db))
  router.get(paths.manage.surveyFile(':survey'), analyst, exportFile(deps))
  return router
}
