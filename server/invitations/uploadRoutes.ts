import { randomBytes, randomUUID } from 'node:crypto'
import { readFormUpload } from '../forms/readFormUpload'
import type { NextFunction, Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import type { ManagedSurvey } from '../surveyManagement/queries'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { wordsFor } from '../surveys/words'
import { checkContactsCsv, maxContactsPerList, type Contact, type ContactProblem } from './contactsCsv'
import { deleteUnsentLists, insertContactList, insertContacts, listInvitedAddresses } from './listQueries'
import { problemRows } from './problemRows'
import { maxContactsBytes } from './contactsUploadSize'

type UploadError =
  'missing' | 'not-utf8' | 'unreadable' | 'no-email-column' | 'empty' | 'too-many' | 'no-good-rows'

function render(
  req: Request,
  res: Response,
  survey: ManagedSurvey,
  form: { error?: UploadError; problems?: ContactProblem[] } = {},
) {
  const errorText = form.error
    ? req.t(`invitations.errors.upload.${form.error}`, { max: maxContactsPerList })
    : undefined
  res.status(form.error ? 400 : 200).render('manage/invitations/upload', {
    pageTitle: req.t('invitations.upload.title'),
    hasErrors: form.error !== undefined,
    errors: errorText
      ? {
          errorList: [{ text: errorText, href: '#file' }],
          fields: { file: { text: errorText, visuallyHiddenText: req.t('errors.visuallyHidden') } },
        }
      : { errorList: [], fields: {} },
    problems: problemRows(req, form.problems ?? []),
    surveyTitle: wordsFor(survey.words, req.language).title,
    backHref: paths.manage.invitations(survey.slug),
    action: paths.manage.invitationsUpload(survey.slug),
  })
}

/** The file's rows checked, or why it cannot be used at all. */
async function checkUpload(
  db: Database,
  key: { organisationId: string; surveyId: string },
  file: Buffer,
): Promise<
  { contacts: Contact[]; problems: ContactProblem[] } | { error: UploadError; problems?: ContactProblem[] }
> {
  if (file.length === 0) return { error: 'missing' }
  const text = file.toString('utf8')
  if (text.includes('\uFFFD')) return { error: 'not-utf8' }
  const checked = checkContactsCsv(text, await listInvitedAddresses(db, key))
  if (checked.kind === 'refused') return { error: checked.reason }
  if (checked.contacts.length === 0) return { error: 'no-good-rows', problems: checked.problems }
  return checked
}

export const uploadPage = (db: Database) => async (req: Request, res: Response) => {
  render(req, res, await loadManagedSurvey(db, req))
}

/** A short random handle for the list's URLs (no database ids in URLs). */
const newHandle = () =>
  Array.from(randomBytes(10), (byte) => 'abcdefghijkmnopqrstuvwxyz23456789'[byte % 33]).join('')

/**
 * A contacts CSV: every row checked. The good rows are kept as a list waiting to be sent (a new upload
 * replaces one still waiting), the bad ones by row number and reason; the analyst then sees both and
 * chooses whether to send. A file with no good row is refused whole (400) and nothing is stored.
 */
export const uploadContacts =
  (db: Database, clock: Clock) => async (req: Request, res: Response, next: NextFunction) => {
    const survey = await loadManagedSurvey(db, req)
    const upload = await readFormUpload(req, maxContactsBytes)
    if (upload instanceof Error) {
      next(upload)
      return
    }
    const officer = signedInOfficer(req)
    const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
    const checked = await checkUpload(db, key, upload.file)
    if ('error' in checked) {
      render(req, res, survey, checked)
      return
    }
    const list = {
      ...key,
      id: randomUUID(),
      handle: newHandle(),
      problems: checked.problems,
      uploadedAt: clock(),
    }
    await db.transaction(async (tx) => {
      await deleteUnsentLists(tx, key)
      await insertContactList(tx, list)
      await insertContacts(tx, list, checked.contacts)
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'contacts-uploaded',
        subject: survey.slug,
        details: { contacts: checked.contacts.length, rowsLeftOut: checked.problems.length },
      })
    })
    res.redirect(303, paths.manage.contactList(survey.slug, list.handle))
  }
