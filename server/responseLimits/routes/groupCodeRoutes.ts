import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { fieldError, noErrors, type FormErrors } from '../../forms/formErrors'
import { paths } from '../../paths'
import { renderClosed } from '../../respond/draftStep'
import { loadSurveyContext, surveyLocals, type SurveyContext } from '../../respond/surveyContext'
import { normaliseGroupCode } from '../model/groupCode'
import { findOpenGroupSession } from '../store/groupSessionQueries'
import type { ResponseLimits } from './sender'

function render(
  req: Request,
  res: Response,
  context: SurveyContext,
  form: { code: string; errors: FormErrors },
) {
  const { survey } = context
  res.status(form.errors.errorList.length > 0 ? 400 : 200).render('respond/groupCode', {
    ...surveyLocals(context),
    pageTitle: req.t('responseLimits.groupCode.title'),
    hasErrors: form.errors.errorList.length > 0,
    errors: form.errors,
    code: form.code,
    formAction: paths.respond.groupCode(survey.organisationSlug, survey.slug),
    startHref: paths.respond.start(survey.organisationSlug, survey.slug),
    backLink: { href: paths.respond.start(survey.organisationSlug, survey.slug), text: req.t('layout.back') },
  })
}

/** A page to type the code a teacher gives out, for a child who has the survey's link but not the group's. */
export function groupCodePage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    render(req, res, context, { code: '', errors: noErrors })
  }
}

/** A code of an open session goes on to the start page with it; anything else says so and keeps what was typed. */
export function enterGroupCode(db: Database, limits: ResponseLimits) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const typed = (req.body as Record<string, unknown> | undefined)?.code
    const shown = typeof typed === 'string' ? typed.slice(0, 40) : ''
    const code = normaliseGroupCode(typed)
    if (!code) {
      render(req, res, context, {
        code: shown,
        errors: fieldError('code', 'responseLimits.groupCode.errors.format', req.t),
      })
      return
    }
    const { survey } = context
    if (!(await findOpenGroupSession(db, survey, { code, now: limits.clock() }))) {
      render(req, res, context, {
        code: shown,
        errors: fieldError('code', 'responseLimits.groupCode.errors.unknown', req.t),
      })
      return
    }
    res.redirect(303, paths.respond.groupStart(survey.organisationSlug, survey.slug, code))
  }
}
