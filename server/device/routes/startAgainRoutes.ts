import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import { clearDraftId } from '../../respond/draftCookie'
import { renderClosed } from '../../respond/draftStep'
import { stepPath } from '../../respond/stepPath'
import { loadSurveyContext, surveyLocals } from '../../respond/surveyContext'
import { deleteDraft } from '../store/draftQueries'

/** "Start again": a page that asks first, since the answers so far are deleted, not kept somewhere. */
export function startAgainPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const { survey } = context
    if (!context.draft) {
      res.redirect(303, stepPath(survey, 'start'))
      return
    }
    res.render('device/startAgain', {
      ...surveyLocals(context),
      pageTitle: req.t('device.startAgain.title'),
      formAction: paths.respond.startAgain(survey.organisationSlug, survey.slug),
      backLink: { href: stepPath(survey, 'start'), text: req.t('layout.back') },
    })
  }
}

/**
 * Deletes this browser's draft (and any emailed link to it) and forgets it, then back to the start
 * page, which offers a fresh start. Pressing it twice finds nothing to delete and does the same.
 */
export function startAgain(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey, draft } = context
    if (draft) await deleteDraft(db, { ...survey, draftId: draft.id })
    clearDraftId(res, survey)
    res.redirect(303, paths.respond.start(survey.organisationSlug, survey.slug))
  }
}
