import type { Request, Response } from 'express'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { Journey, type Step } from './journey'
import type { Draft } from './queries'
import { stepPath } from './stepPath'
import { loadSentReference, surveyLocals, type SurveyContext } from './surveyContext'

export function renderClosed(res: Response, context: SurveyContext): void {
  res
    .status(410)
    .render('respond/closed', { ...surveyLocals(context), pageTitle: res.req.t('pages.closed.title') })
}

/**
 * The checks every page after the start makes, in order: the survey is still open, this browser has
 * a draft (or its answers were sent: on to the confirmation; or back to the start), and every page
 * before this step is answered (or on to the first that is not). Returns undefined when it has
 * already answered the request.
 */
export async function reachDraftStep(
  db: Database,
  req: Request,
  res: Response,
  options: { context: SurveyContext; step: Step },
): Promise<{ draft: Draft; journey: Journey } | undefined> {
  const { context, step } = options
  if (!context.open) {
    renderClosed(res, context)
    return undefined
  }
  const { survey, draft } = context
  if (!draft) {
    const sent = await loadSentReference(db, req, survey)
    res.redirect(
      303,
      sent ? paths.respond.confirmation(survey.organisationSlug, survey.slug) : stepPath(survey, 'start'),
    )
    return undefined
  }
  const journey = new Journey(context.version.definition, draft.answers)
  if (!journey.canVisit(step)) {
    res.redirect(303, stepPath(survey, journey.firstUnanswered()))
    return undefined
  }
  return { draft, journey }
}
