import type { Request, Response } from 'express'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import type { JobSender } from '../../jobs/jobQueue'
import { paths } from '../../paths'
import { renderClosed } from '../../respond/draftStep'
import { Journey } from '../../respond/journey'
import { stepPath } from '../../respond/stepPath'
import { loadSurveyContext, surveyLocals, type SurveyContext } from '../../respond/surveyContext'
import { senderFor, type ResponseLimits } from '../../responseLimits/routes/sender'
import { resumeEmailSchema, resumeEmailValues } from '../model/emailForm'
import { safeReturnPath } from '../model/returnPath'
import { requestResumeEmail } from '../store/requestResumeEmail'

interface Deps {
  db: Database
  config: Config
  limits: ResponseLimits
  jobs: JobSender
}

type WithDraft = SurveyContext & { draft: NonNullable<SurveyContext['draft']> }

/**
 * The survey and this browser's draft, when a link can be emailed for it: never in a preview, on a
 * shared device or while an officer types in a response (404, as if there were no such page). With
 * no draft there is nothing to carry on: back to the start.
 */
async function loadDraft(db: Database, req: Request, res: Response): Promise<WithDraft | undefined> {
  const context = await loadSurveyContext(db, req)
  if (context.preview || res.locals.sharedDevice || res.locals.dataEntry)
    throw new NotFoundError('No emailed links here')
  if (!context.open) {
    renderClosed(res, context)
    return undefined
  }
  const { draft } = context
  if (!draft) {
    res.redirect(303, stepPath(context.survey, 'start'))
    return undefined
  }
  return { ...context, draft }
}

const carryOnHref = (context: WithDraft) =>
  stepPath(context.survey, new Journey(context.version.definition, context.draft.answers).firstUnanswered())

function renderForm(
  req: Request,
  res: Response,
  context: WithDraft,
  form: { email: string; errors: FormErrors; status: number },
) {
  const { survey } = context
  const surveyPath = paths.respond.start(survey.organisationSlug, survey.slug)
  // A GET has no body at all (req.body is undefined), so the page's own link is read from the query.
  const body = req.body as Record<string, unknown> | undefined
  const from = safeReturnPath(surveyPath, req.query.from ?? body?.from)
  res.status(form.status).render('device/emailLink', {
    ...surveyLocals(context),
    pageTitle: req.t('device.emailLink.title'),
    hasErrors: form.errors.errorList.length > 0,
    errors: form.errors,
    email: form.email,
    from,
    formAction: paths.respond.emailLink(survey.organisationSlug, survey.slug),
    backLink: { href: from === surveyPath ? carryOnHref(context) : from, text: req.t('layout.back') },
  })
}

export function emailLinkPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadDraft(db, req, res)
    if (context) renderForm(req, res, context, { email: '', errors: noErrors, status: 200 })
  }
}

/** Queues the email; the address is used for it alone, and deleted from the outbox once it has gone. */
export function sendEmailLink(deps: Deps) {
  return async (req: Request, res: Response) => {
    const context = await loadDraft(deps.db, req, res)
    if (!context) return
    const values = resumeEmailValues(req.body)
    const parsed = resumeEmailSchema.safeParse(values)
    if (!parsed.success) {
      renderForm(req, res, context, { ...values, errors: formErrors(parsed.error, req.t), status: 400 })
      return
    }
    const { survey } = context
    const outcome = await requestResumeEmail(deps.db, deps.jobs, {
      draft: { organisationId: survey.organisationId, surveyId: survey.surveyId, draftId: context.draft.id },
      clientKey: senderFor(req, deps.limits, survey.organisationId).clientKey,
      to: parsed.data.email,
      language: req.language,
      now: deps.limits.clock(),
    })
    if (outcome.kind === 'too-many') {
      const errors = fieldError('email', `device.emailLink.errors.tooMany.${outcome.limit}`, req.t)
      renderForm(req, res, context, { ...values, errors, status: 429 })
      return
    }
    if (outcome.kind === 'no-draft') {
      res.redirect(303, stepPath(survey, 'start'))
      return
    }
    res.redirect(303, paths.respond.emailLinkSent(survey.organisationSlug, survey.slug))
  }
}

export function emailLinkSentPage(deps: Pick<Deps, 'db' | 'config'>) {
  return async (req: Request, res: Response) => {
    const context = await loadDraft(deps.db, req, res)
    if (!context) return
    res.render('device/emailLinkSent', {
      ...surveyLocals(context),
      pageTitle: req.t('device.emailLinkSent.title'),
      days: deps.config.draftTtlDays,
      carryOnHref: carryOnHref(context),
    })
  }
}
