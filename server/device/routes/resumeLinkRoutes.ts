import type { Request, Response } from 'express'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import { writeDraftId } from '../../respond/draftCookie'
import { renderClosed } from '../../respond/draftStep'
import { loadSurveyContext, surveyLocals, type SurveyContext } from '../../respond/surveyContext'
import { hashResumeToken, resumeTokenPattern } from '../model/resumeToken'
import { findResumeLink } from '../store/resumeLinkQueries'

function renderExpired(
  req: Request,
  res: Response,
  options: { context: SurveyContext; days: number; status: number },
) {
  const { context } = options
  const { survey } = context
  res.status(options.status).render('device/linkExpired', {
    ...surveyLocals(context),
    pageTitle: req.t('device.linkExpired.title'),
    days: options.days,
    startHref: paths.respond.start(survey.organisationSlug, survey.slug),
  })
}

/**
 * An emailed link: on any browser it becomes that browser's draft, and the start page offers to
 * carry on. It works as often as needed until the draft expires; then (410), or for a link that
 * never was or whose draft has gone (404), a kind page saying so and how to start again.
 */
export function resumeFromLink(deps: { db: Database; config: Config }) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(deps.db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const token = (req.params as { token?: string }).token ?? ''
    const { survey } = context
    const link = resumeTokenPattern.test(token)
      ? await findResumeLink(deps.db, survey, hashResumeToken(token))
      : undefined
    if (!link?.live) {
      renderExpired(req, res, { context, days: deps.config.draftTtlDays, status: link ? 410 : 404 })
      return
    }
    writeDraftId(res, survey, link.draftId, deps.config.draftTtlDays)
    res.redirect(303, paths.respond.start(survey.organisationSlug, survey.slug))
  }
}
