import type { Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import type { JobSender } from '../jobs/jobQueue'
import type { TranslatorFor } from '../middleware/setUpI18n'
import { postedFields } from '../forms/postedFields'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import type { ManagedSurvey } from '../surveyManagement/queries'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { wordsFor } from '../surveys/words'
import { previewEmails } from './emailPreview'
import { deleteContactList, findContactList, findPreviewContacts, type ContactList } from './listQueries'
import { problemRows } from './problemRows'
import { reminderDaysSchema } from './reminderDaysForm'
import { queueListInvitations } from './sendQueries'

export interface ContactListDeps {
  db: Database
  config: Config
  clock: Clock
  jobs: JobSender
  translatorFor: TranslatorFor
}

/** The survey and its list named in the URL; a list of another survey or organisation is a 404. */
async function loadList(db: Database, req: Request): Promise<{ survey: ManagedSurvey; list: ContactList }> {
  const survey = await loadManagedSurvey(db, req)
  const handle = (req.params as { list?: string }).list ?? ''
  const list = /^[a-z0-9]{10}$/.test(handle)
    ? await findContactList(
        db,
        { organisationId: signedInOfficer(req).organisationId, surveyId: survey.surveyId },
        handle,
      )
    : undefined
  if (!list) throw new NotFoundError('No such contact list')
  return { survey, list }
}

/** The checked list: how many contacts are ready, and every row left out with why. */
export const contactListPage = (db: Database) => async (req: Request, res: Response) => {
  const { survey, list } = await loadList(db, req)
  if (list.status === 'sending') {
    res.redirect(303, paths.manage.invitations(survey.slug))
    return
  }
  res.render('manage/invitations/contactList', {
    pageTitle: req.t('invitations.list.title'),
    surveyTitle: wordsFor(survey.words, req.language).title,
    contacts: list.contacts,
    problems: problemRows(req, list.problems),
    previewHref: paths.manage.contactListPreview(survey.slug, list.handle),
    cancelAction: paths.manage.contactListCancel(survey.slug, list.handle),
    backHref: paths.manage.invitations(survey.slug),
  })
}

async function renderPreview(
  deps: ContactListDeps,
  req: Request,
  res: Response,
  form: { errors: FormErrors; reminderDays: string },
) {
  const { survey, list } = await loadList(deps.db, req)
  const officer = signedInOfficer(req)
  const names = await findPreviewContacts(deps.db, {
    organisationId: officer.organisationId,
    listId: list.id,
  })
  const failed = form.errors.errorList.length > 0
  res.status(failed ? 400 : 200).render('manage/invitations/preview', {
    pageTitle: req.t('invitations.preview.title'),
    hasErrors: failed,
    errors: form.errors,
    reminderDays: form.reminderDays,
    surveyTitle: wordsFor(survey.words, req.language).title,
    contacts: list.contacts,
    surveyOpen: survey.status === 'open',
    previews: previewEmails({
      languages: list.languages.map((each) => ({
        ...each,
        name: names.find((named) => named.language === each.language)?.name ?? null,
      })),
      words: survey.words,
      organisationName: officer.organisationName,
      closesAt: survey.closesAt,
      translatorFor: deps.translatorFor,
    }),
    action: paths.manage.contactListPreview(survey.slug, list.handle),
    backHref: paths.manage.contactList(survey.slug, list.handle),
  })
}

export const previewPage = (deps: ContactListDeps) => async (req: Request, res: Response) => {
  const { survey, list } = await loadList(deps.db, req)
  if (list.status === 'sending') {
    res.redirect(303, paths.manage.invitations(survey.slug))
    return
  }
  await renderPreview(deps, req, res, { errors: noErrors, reminderDays: '7, 14' })
}

/**
 * Sends the list: its emails are queued in their slots and the worker told, in one transaction
 * (persist, then enqueue). A second post finds the list already sending and changes nothing.
 */
export const sendList = (deps: ContactListDeps) => async (req: Request, res: Response) => {
  const { survey, list } = await loadList(deps.db, req)
  const values = postedFields(req.body, ['reminderDays'])
  const parsed = reminderDaysSchema.safeParse(values)
  if (!parsed.success) {
    await renderPreview(deps, req, res, {
      errors: formErrors(parsed.error, req.t),
      reminderDays: values.reminderDays ?? '',
    })
    return
  }
  if (survey.status !== 'open') {
    const errors = fieldError('reminderDays', 'invitations.errors.surveyNotOpen', req.t)
    await renderPreview(deps, req, res, { errors, reminderDays: values.reminderDays ?? '' })
    return
  }
  const officer = signedInOfficer(req)
  await deps.db.transaction(async (tx) => {
    const queued = await queueListInvitations(
      tx,
      { organisationId: officer.organisationId, listId: list.id },
      {
        reminderDays: parsed.data.reminderDays,
        now: deps.clock(),
        perMinute: deps.config.invitations.perMinute,
      },
    )
    if (!queued) return
    await recordAudit(tx, {
      organisationId: officer.organisationId,
      officer,
      action: 'invitations-sent',
      subject: survey.slug,
      details: { invitations: queued.queued, reminderDays: parsed.data.reminderDays.join(',') },
    })
    await deps.jobs.enqueue(tx, 'invitation-emails', {})
  })
  res.redirect(303, paths.manage.invitations(survey.slug))
}

export const cancelList = (db: Database) => async (req: Request, res: Response) => {
  const { survey, list } = await loadList(db, req)
  const officer = signedInOfficer(req)
  await db.transaction(async (tx) => {
    await deleteContactList(tx, { organisationId: officer.organisationId, listId: list.id })
    await recordAudit(tx, {
      organisationId: officer.organisationId,
      officer,
      action: 'contact-list-cancelled',
      subject: survey.slug,
      details: { contacts: list.contacts },
    })
  })
  res.redirect(303, paths.manage.invitations(survey.slug))
}
