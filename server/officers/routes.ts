import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import type { JobSender } from '../jobs/jobQueue'
import { paths } from '../paths'
import { deleteInvitation, listPendingInvitations } from './invitationQueries'
import { invitedRows } from './invitedList'
import { inviteOfficer, resendInvitation } from './inviteOfficer'
import { emailField, inviteSchema, roleChangeSchema } from './officerForms'
import { postedFields } from '../forms/postedFields'
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

interface OfficerRouteDeps {
  db: Database
  jobs: JobSender
  clock: Clock
  /** How long an invitation's link works (OFFICER_INVITATION_DAYS). */
  invitationDays: number
}

async function renderOfficers(
  deps: OfficerRouteDeps,
  req: Request,
  res: Response,
  form?: { errors: FormErrors; values: Record<string, string> },
) {
  const { db } = deps
  const officer = signedInOfficer(req)
  const everyone = await listOfficers(db, officer.organisationId)
  // Invited people are listed apart until they first sign in, whether or not they ever can.
  const invited = await listPendingInvitations(db, officer.organisationId)
  const officers = everyone.filter((each) => !invited.some((invitation) => invitation.email === each.email))
  res.status(form ? 400 : 200).render('manage/officers', {
    pageTitle: req.t('pages.officers.title'),
    hasErrors: form !== undefined,
    invited: invitedRows(invited, { req, now: deps.clock(), days: deps.invitationDays }),
    resendAction: paths.manage.officerInvitationResend,
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

/** The invite form's answer for an address this organisation already has: it says which, kindly. */
const alreadyHereErrors = (req: Request, outcome: 'already-invited' | 'already-officer'): FormErrors =>
  fieldError(
    'email',
    outcome === 'already-invited'
      ? 'officerInvitation.errors.alreadyInvited'
      : 'officerInvitation.errors.alreadyOfficer',
    req.t,
  )

const resendSchema = z.object({ email: emailField })

/** Admins invite officers to their organisation, re-send invitations, change roles and remove officers. */
export function officerRoutes(deps: OfficerRouteDeps): Router {
  const { db } = deps
  const router = Router()
  router.use(requireRole('admin'))

  router.get('/', (req, res) => renderOfficers(deps, req, res))

  router.post('/', async (req, res) => {
    const admin = signedInOfficer(req)
    const values = postedFields(req.body, ['email', 'role'])
    const parsed = inviteSchema.safeParse(values)
    if (!parsed.success)
      return renderOfficers(deps, req, res, { errors: formErrors(parsed.error, req.t), values })
    const email = normaliseEmail(parsed.data.email)
    const outcome = await inviteOfficer(deps, {
      admin,
      email,
      role: parsed.data.role,
      language: req.language,
    })
    if (outcome !== 'invited')
      return renderOfficers(deps, req, res, { errors: alreadyHereErrors(req, outcome), values })
    res.redirect(303, paths.manage.officers)
  })

  router.post('/invitations/resend', async (req, res) => {
    const parsed = resendSchema.safeParse(postedFields(req.body, ['email']))
    const email = parsed.success ? normaliseEmail(parsed.data.email) : ''
    const sent =
      parsed.success &&
      (await resendInvitation(deps, { admin: signedInOfficer(req), email, language: req.language }))
    if (!sent) throw new NotFoundError('No such invitation in this organisation')
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
