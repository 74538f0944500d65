import { Router } from 'express'
import { z } from 'zod'
import type { Database } from '../db/database'
import { formErrors, noErrors } from '../forms/formErrors'
import { formatDateTime } from '../i18n/formatDate'
import { postedFields } from '../forms/postedFields'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { showDetails } from './auditDetails'
import { listAuditEvents } from './queries'
import { auditActions } from './recordAudit'

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.auditDate.invalid')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'errors.auditDate.invalid')

const filterSchema = z.object({
  action: optional(z.enum(auditActions, { error: 'errors.auditAction.invalid' })),
  actor: optional(z.string().trim().max(254, 'errors.auditActor.invalid')),
  from: optional(isoDate),
  to: optional(isoDate),
})

/** Admins read who did what, newest first, filtered by action, person and dates. */
export function auditRoutes(db: Database) {
  const router = Router()
  router.get('/', requireRole('admin'), async (req, res) => {
    const officer = signedInOfficer(req)
    const values = postedFields(req.query, ['action', 'actor', 'from', 'to'])
    const parsed = filterSchema.safeParse(values)
    const events = parsed.success ? await listAuditEvents(db, officer.organisationId, parsed.data) : []
    res.status(parsed.success ? 200 : 400).render('manage/audit', {
      pageTitle: req.t('pages.audit.title'),
      hasErrors: !parsed.success,
      errors: parsed.success ? noErrors : formErrors(parsed.error, req.t),
      values,
      actions: auditActions,
      events: events.map((event) => ({
        when: formatDateTime(event.occurredAt, req.language),
        actor: event.actor,
        action: req.t(`audit.${event.action}`),
        subject: event.subject ?? '',
        ...showDetails(event.details),
      })),
    })
  })
  return router
}
