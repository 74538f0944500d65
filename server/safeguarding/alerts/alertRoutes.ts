import { Router, type Request, type Response } from 'express'
import type { z } from 'zod'
import { recordAudit, type AuditAction } from '../../audit/recordAudit'
import type { Clock } from '../../clock'
import type { Database, Queryable } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { postedFields } from '../../forms/postedFields'
import type { Officer } from '../../officers/queries'
import { requireAlertReader, signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { answersAllowedToBeSeen, questionTitles } from './alertAnswers'
import { acknowledgeAlert, closeAlert, insertAlertNote } from './alertChangeQueries'
import { closeSchema, noteSchema } from './alertForms'
import { findAlertByHandle, listAlertNotes, listAlerts, type Alert } from './alertReadQueries'
import { alertListRows, alertPageModel } from './alertView'

type Form = { errors: FormErrors; values: { note: string; closingNote: string } }

/** One change an officer makes to an alert with a button, and the note posted with it, if any. */
interface AlertChange {
  action: AuditAction
  field?: { name: keyof Form['values']; schema: z.ZodType<Record<string, string>> }
  /** Makes the change in the transaction: true when it changed anything, and only then is it audited. */
  make: (
    tx: Queryable,
    by: { key: { organisationId: string; alertId: string }; officer: Officer; text: string },
  ) => Promise<boolean>
}

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

  /**
   * The POST for one change to an alert: checks the note the form posts (if any), makes the change in
   * one transaction, audits it only when it changed something, and goes back to the alert page. A bad
   * note shows the alert page again with what was typed.
   */
  const changeAlert = (change: AlertChange) => async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const alert = await loadAlert(db, req)
    let text = ''
    if (change.field) {
      const { name, schema } = change.field
      const values = postedFields(req.body, [name])
      const parsed = schema.safeParse(values)
      if (!parsed.success) {
        const errors = formErrors(parsed.error, req.t)
        return renderAlert(db, req, res, alert, {
          errors,
          values: { note: '', closingNote: '', [name]: values[name] ?? '' },
        })
      }
      text = parsed.data[name] ?? ''
    }
    await db.transaction(async (tx) => {
      const key = { organisationId: alert.organisationId, alertId: alert.id }
      if (await change.make(tx, { key, officer, text }))
        await recordAudit(tx, {
          organisationId: officer.organisationId,
          officer,
          action: change.action,
          subject: alert.handle,
        })
    })
    res.redirect(303, paths.manage.alert(alert.handle))
  }

  router.post(
    '/:alert/acknowledge',
    changeAlert({
      action: 'alert-acknowledged',
      make: (tx, { key, officer }) => acknowledgeAlert(tx, key, officer, clock()),
    }),
  )

  router.post(
    '/:alert/notes',
    changeAlert({
      action: 'alert-note-added',
      field: { name: 'note', schema: noteSchema },
      make: async (tx, { key, officer, text }) => {
        await insertAlertNote(tx, key, { by: officer, text, writtenAt: clock() })
        return true
      },
    }),
  )

  router.post(
    '/:alert/close',
    changeAlert({
      action: 'alert-closed',
      field: { name: 'closingNote', schema: closeSchema },
      make: async (tx, { key, officer, text }) => {
        const now = clock()
        if (!(await closeAlert(tx, key, officer, now))) return false
        await insertAlertNote(tx, key, { by: officer, text, writtenAt: now })
        return true
      },
    }),
  )
  return router
}
