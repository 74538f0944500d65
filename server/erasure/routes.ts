import { recordRefusedErasure } from '../audit/refusals'
import { Router, type Request, type Response } from 'express'
import type { Database } from '../db/database'
import { fieldError, formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { formatDate, formatDateTime } from '../i18n/formatDate'
import { postedFields } from '../forms/postedFields'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { wordsFor } from '../surveys/words'
import { eraseResponse } from './eraseResponse'
import { findResponseByReference } from './queries'
import { referenceSchema } from './referenceInput'
import type { JobSender } from '../jobs/jobQueue'

declare module 'express-session' {
  interface SessionData {
    /** The reference just erased, shown once on the page the erasure redirects to. */
    erasedReference?: string
  }
}

function renderFind(
  req: Request,
  res: Response,
  form: { errors: FormErrors; reference: string; status?: number; erased?: string },
) {
  res.status(form.status ?? (form.errors.errorList.length > 0 ? 400 : 200)).render('manage/erasure/find', {
    pageTitle: req.t('erasure.find.title'),
    hasErrors: form.errors.errorList.length > 0,
    errors: form.errors,
    reference: form.reference,
    erased: form.erased,
    action: paths.manage.erasure,
  })
}

function notFound(req: Request, res: Response, reference: string) {
  renderFind(req, res, {
    errors: fieldError('reference', 'erasure.errors.notFound', req.t),
    reference,
    status: 404,
  })
}

const typedReference = (req: Request): string => postedFields(req.body, ['reference']).reference ?? ''

/** The posted reference as stored; or, when it cannot be one, the form again with what is wrong. */
function postedReference(req: Request, res: Response): string | undefined {
  const typed = typedReference(req)
  const parsed = referenceSchema.safeParse({ reference: typed })
  if (parsed.success) return parsed.data.reference
  renderFind(req, res, { errors: formErrors(parsed.error, req.t), reference: typed })
  return undefined
}

/**
 * Analysts and admins erase a response when its respondent asks, found by the reference they were
 * given, across all of the organisation's surveys. Another organisation's reference is not found.
 */
export function erasureRoutes(db: Database, jobs: JobSender): Router {
  const router = Router()
  router.use(requireRole('analyst'))

  router.get('/', (req, res) => {
    const erased = req.session.erasedReference
    delete req.session.erasedReference
    renderFind(req, res, { errors: noErrors, reference: '', erased })
  })

  // Finding writes nothing, so the confirmation is shown straight from the post.
  router.post('/', async (req, res) => {
    const reference = postedReference(req, res)
    if (reference === undefined) return
    const found = await findResponseByReference(db, signedInOfficer(req).organisationId, reference)
    if (!found) {
      notFound(req, res, typedReference(req))
      return
    }
    res.render('manage/erasure/confirm', {
      pageTitle: req.t('erasure.confirm.title'),
      reference,
      surveyTitle: wordsFor(found.surveyWords, req.language).title,
      // A counted response keeps only its day; a held one its time, until it is included.
      sent: found.held
        ? formatDateTime(found.submittedAt, req.language)
        : formatDate(found.submittedAt, req.language),
      held: found.held,
      action: paths.manage.erasureConfirm,
      cancelHref: paths.manage.erasure,
    })
  })

  router.post('/confirm', async (req, res) => {
    const reference = postedReference(req, res)
    if (reference === undefined) return
    const officer = signedInOfficer(req)
    if (!(await eraseResponse({ db, jobs }, { officer, reference }))) {
      await recordRefusedErasure(db, officer, 'no response with that reference')
      notFound(req, res, typedReference(req))
      return
    }
    req.session.erasedReference = reference
    res.redirect(303, paths.manage.erasure)
  })

  return router
}
