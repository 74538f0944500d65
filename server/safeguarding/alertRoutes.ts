import { Router, type Request, type Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { postedFields } from '../officers/officerForms'
import { requireAlertReader, signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { answersAllowedToBeSeen, questionTitles } from './alertAnswers'
import { acknowledgeAlert, closeAlert, insertAlertNote } from './alertChangeQueries'
import { closeSchema, noteSchema } from './alertForms'
import { findAlertByHandle, listAlertNotes, listAlerts, type Alert } from './alertReadQueries'
import { alertListRows, alertPageModel } from './alertView'

type Form = { errors: FormErrors; values: { note: string; closingNote: string } }

async function loadAlert(db: Database, req: Request): Promise<Alert> {
  const handle = (req.params as { alert?: string }).alert ?? ''
  const found = /^[a-z0-9]{10,32}$/.test(handle)
    ? await findAlertByHandle(
        db,
        { organisationId: signedInOfficer(req).organisationId, handle },
        req.language,
      )
    : undefined
  if (!found) throw new NotFoundError('No such alert in this organisation')
  return found
}

async function renderAlert(db: Database, req: Request, res: Response, alert: Alert, form?: Form) {
  const key = { organisationId: alert.organisationId, alertId: alert.id }
  const model = alertPageModel(
    alert,
    {
      notes: await listAlertNotes(db, key),
      titles: alert.kind === 'free-text' ? await questionTitles(db, alert, req.language) : {},
      answers: await answersAllowedToBeSeen(db, alert, { language: req.language, t: req.t }),
    },
    req.t,
    req.language,
  )
  res.status(form ? 400 : 200).render('manage/alerts/alert', {
    pageTitle: model.heading,
    backLink: { href: paths.manage.alerts, text: req.t('alerts.alert.back') },
    hasErrors: form !== undefined,
    alert: model,
    errors: form?.errors ?? noErrors,
    values: form?.values ?? { note: '', closingNote: '' },
  })
}

/**
 * Safeguarding alerts for admins and safeguarding officers (anyone else, and any other organisation,
 * gets the same 404 as for nothing). Each view and each change is audited by the alert's handle,
 * never with the young person's words.
 */
export function alertRoutes(deps: { db: Database; clock: Clock }): Router {
  const { db, clock } = deps
  const router = Router()
  router.use(requireAlertReader)

  router.get('/', async (req, res) => {
    const officer = signedInOfficer(req)
    const alerts = await listAlerts(db, officer.organisationId, req.language)
    res.render('manage/alerts/list', {
      pageTitle: req.t('alerts.list.title'),
      alerts: alertListRows(alerts, req.t, req.language),
    })
  })

  router.get('/:alert', async (req, res) => {
    const officer = signedInOfficer(req)
    const alert = await loadAlert(db, req)
    await recordAudit(db, {
      organisationId: officer.organisationId,
      officer,
      action: 'alert-viewed',
      subject: alert.handle,
    })
    await renderAlert(db, req, res, alert)
  })

  router.post('/:alert/acknowledge', async (req, res) => {
    const officer = signedInOfficer(req)
    const alert = await loadAlert(db, req)
    await db.transaction(async (tx) => {
      const key = { organisationId: alert.organisationId, alertId: alert.id }
      if (await acknowledgeAlert(tx, key, officer, clock()))
        await recordAudit(tx, {
          organisationId: officer.organisationId,
          officer,
          action: 'alert-acknowledged',
          subject: alert.handle,
        })
    })
    res.redirect(303, paths.manage.alert(alert.handle))
  })

  router.post('/:alert/notes', async (req, res) => {
    const officer = signedInOfficer(req)
    const alert = await loadAlert(db, req)
    const values = postedFields(req.body, ['note'])
    const parsed = noteSchema.safeParse(values)
    if (!parsed.success) {
      const errors = formErrors(parsed.error, req.t)
      return renderAlert(db, req, res, alert, {
        errors,
        values: { note: values.note ?? '', closingNote: '' },
      })
    }
    await db.transaction(async (tx) => {
      const key = { organisationId: alert.organisationId, alertId: alert.id }
      await insertAlertNote(tx, key, { by: officer, text: parsed.data.note, writtenAt: clock() })
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'alert-note-added',
        subject: alert.handle,
      })
    })
    res.redirect(303, paths.manage.alert(alert.handle))
  })

  router.post('/:alert/close', async (req, res) => {
    const officer = signedInOfficer(req)
    const alert = await loadAlert(db, req)
    const values = postedFields(req.body, ['closingNote'])
    const parsed = closeSchema.safeParse(values)
    if (!parsed.success) {
      const errors = formErrors(parsed.error, req.t)
      return renderAlert(db, req, res, alert, {
        errors,
        values: { note: '', closingNote: values.closingNote ?? '' },
      })
    }
    await db.transaction(async (tx) => {
      const key = { organisationId: alert.organisationId, alertId: alert.id }
      const now = clock()
      if (!(await closeAlert(tx, key, officer, now))) return
      await insertAlertNote(tx, key, { by: officer, text: parsed.data.closingNote, writtenAt: now })
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'alert-closed',
        subject: alert.handle,
      })
    })
    res.redirect(303, paths.manage.alert(alert.handle))
  })
  return router
}
