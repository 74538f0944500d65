import { Router, type Request, type Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import type { JobSender } from '../jobs/jobQueue'
import { paths } from '../paths'
import { deleteInvitation, listPendingInvitations } from './invitationQueries'
import { inviteOfficer } from './inviteOfficer'
import { inviteSchema, postedFields, roleChangeSchema } from './officerForms'
import { changeSafeguardingContact } from './safeguardingContact'
import {
  countAdmins,
  deleteOfficer,
  findOfficerByHandle,
  listOfficers,
  normaliseEmail,
  updateOfficerRole,
  type Officer,
} from './queries'
import { requireRole, signedInOfficer } from './setUpOfficerArea'

async function renderOfficers(
  db: Database,
  req: Request,
  res: Response,
  form?: { errors: FormErrors; values: Record<string, string> },
) {
  const officer = signedInOfficer(req)
  const everyone = await listOfficers(db, officer.organisationId)
  // Invited people are listed apart until they first sign in, whether or not they ever can.
  const invited = await listPendingInvitations(db, officer.organisationId)
  const officers = everyone.filter((each) => !invited.some((invitation) => invitation.email === each.email))
  res.status(form ? 400 : 200).render('manage/officers', {
    pageTitle: req.t('pages.officers.title'),
    hasErrors: form !== undefined,
    invited,
    officers: officers.map((each) => ({
      email: each.email,
      role: each.role,
      safeguardingContact: each.safeguardingContact,
      href: paths.manage.officer(each.handle),
      isYou: each.id === officer.id,
    })),
    // Alerts then go to every admin, so the page says so.
    noSafeguardingContact: !everyone.some((each) => each.role === 'safeguarding' || each.safeguardingContact),
    errors: form?.errors ?? noErrors,
    values: form?.values ?? { email: '', role: '' },
  })
}

async function loadOfficer(db: Database, req: Request): Promise<Officer> {
  const handle = (req.params as { officer?: string }).officer ?? ''
  const found = /^[a-z0-9]{8,32}$/.test(handle)
    ? await findOfficerByHandle(db, { organisationId: signedInOfficer(req).organisationId, handle })
    : undefined
  if (!found) throw new NotFoundError('No such officer in this organisation')
  return found
}

function renderOfficer(req: Request, res: Response, target: Officer, error?: string, field = 'role') {
  res.status(error ? 400 : 200).render('manage/officer', {
    pageTitle: target.email,
    hasErrors: error !== undefined,
    target: {
      email: target.email,
      role: target.role,
      handle: target.handle,
      safeguardingContact: target.safeguardingContact,
    },
    error: error
      ? { text: req.t(error), visuallyHiddenText: req.t('errors.visuallyHidden'), field }
      : undefined,
  })
}

/** Admins invite officers to their organisation, change their roles and remove them. */
export function officerRoutes(deps: { db: Database; jobs: JobSender }): Router {
  const { db } = deps
  const router = Router()
  router.use(requireRole('admin'))

  router.get('/', (req, res) => renderOfficers(db, req, res))

  router.post('/', async (req, res) => {
    const admin = signedInOfficer(req)
    const values = postedFields(req.body, ['email', 'role'])
    const parsed = inviteSchema.safeParse(values)
    if (!parsed.success)
      return renderOfficers(db, req, res, { errors: formErrors(parsed.error, req.t), values })
    const email = normaliseEmail(parsed.data.email)
    const outcome = await inviteOfficer(deps, {
      admin,
      email,
      role: parsed.data.role,
      language: req.language,
    })
    if (outcome === 'taken') {
      const errors = {
        errorList: [{ text: req.t('errors.email.taken'), href: '#email' }],
        fields: {
          email: { text: req.t('errors.email.taken'), visuallyHiddenText: req.t('errors.visuallyHidden') },
        },
      }
      return renderOfficers(db, req, res, { errors, values })
    }
    res.redirect(303, paths.manage.officers)
  })

  router.get('/:officer', async (req, res) => {
    renderOfficer(req, res, await loadOfficer(db, req))
  })

  router.post('/:officer/role', async (req, res) => {
    const admin = signedInOfficer(req)
    const target = await loadOfficer(db, req)
    const parsed = roleChangeSchema.safeParse(postedFields(req.body, ['role']))
    if (!parsed.success) {
      renderOfficer(req, res, target, 'errors.role.required')
      return
    }
    const demotingLastAdmin =
      target.role === 'admin' &&
      parsed.data.role !== 'admin' &&
      (await countAdmins(db, admin.organisationId)) <= 1
    if (demotingLastAdmin) {
      renderOfficer(req, res, target, 'errors.role.lastAdmin')
      return
    }
    await updateOfficerRole(db, target, parsed.data.role)
    await recordAudit(db, {
      organisationId: admin.organisationId,
      officer: admin,
      action: 'role-changed',
      subject: target.email,
      details: { from: target.role, to: parsed.data.role },
    })
    res.redirect(303, paths.manage.officers)
  })

  router.post(
    '/:officer/safeguarding-contact',
    changeSafeguardingContact(db, (req) => loadOfficer(db, req), renderOfficer),
  )

  router.post('/:officer/remove', async (req, res) => {
    const admin = signedInOfficer(req)
    const target = await loadOfficer(db, req)
    if (target.role === 'admin' && (await countAdmins(db, admin.organisationId)) <= 1) {
      renderOfficer(req, res, target, 'errors.role.lastAdmin')
      return
    }
    await deleteOfficer(db, target)
    await deleteInvitation(db, target)
    await recordAudit(db, {
      organisationId: admin.organisationId,
      officer: admin,
      action: 'officer-removed',
      subject: target.email,
    })
    res.redirect(303, paths.manage.officers)
  })
  return router
}
