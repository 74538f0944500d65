import { Router } from 'express'
import { requireRole } from '../officers/setUpOfficerArea'
import { cancelList, contactListPage, previewPage, sendList, type ContactListDeps } from './contactListRoutes'
import { statusPage } from './statusRoutes'
import { uploadContacts, uploadPage } from './uploadRoutes'

/**
 * Inviting contacts to a survey: upload a CSV, check its rows, preview the email, send, and follow
 * each invitation. Analysts only: the pages hold contacts' addresses. Mounted under /manage.
 */
export function invitationManagementRoutes(deps: ContactListDeps): Router {
  const { db } = deps
  const analyst = requireRole('analyst')
  const router = Router()
  router.get('/surveys/:survey/invitations', analyst, statusPage(db))
  router.get('/surveys/:survey/invitations/upload', analyst, uploadPage(db))
  router.post('/surveys/:survey/invitations/upload', analyst, uploadContacts(db, deps.clock))
  router.get('/surveys/:survey/invitations/lists/:list', analyst, contactListPage(db))
  router.get('/surveys/:survey/invitations/lists/:list/preview', analyst, previewPage(deps))
  router.post('/surveys/:survey/invitations/lists/:list/preview', analyst, sendList(deps))
  router.post('/surveys/:survey/invitations/lists/:list/cancel', analyst, cancelList(db))
  return router
}
