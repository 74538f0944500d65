import type { Request, Response } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { writeDraftId } from './draftCookie'
import { Journey } from './journey'
import { insertDraft } from './queries'
import { renderClosed } from './draftStep'
import { stepPath } from './stepPath'
import { loadSurveyContext, surveyLocals } from './surveyContext'

export function startPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const { survey, words, version } = context
    res.render('respond/start', {
      ...surveyLocals(context),
      pageTitle: words.title,
      purpose: words.start.purpose,
      answersText: words.start.answers,
      timeText: req.t('pages.start.time', { count: version.definition.estimatedMinutes }),
      resuming: context.draft !== undefined,
      formAction: paths.respond.begin(survey.organisationSlug, survey.slug),
    })
  }
}

/** Starts a draft (or carries on with this browser's) and goes to the first page still to answer. */
export function beginSurvey(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const { survey, version } = context
    const draft =
      context.draft ??
      (await insertDraft(db, {
        organisationId: survey.organisationId,
        surveyId: survey.surveyId,
        version: version.version,
        language: req.language,
        ttlDays: config.draftTtlDays,
      }))
    writeDraftId(res, survey, draft.id, config.draftTtlDays)
    res.redirect(
      303,
      stepPath(survey, new Journey(version.definition.questions, draft.answers).firstUnanswered()),
    )
  }
}
