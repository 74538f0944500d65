import type { Request, Response } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { groupOnStartPage } from '../responseLimits/routes/groupOnStartPage'
import type { ResponseLimits } from '../responseLimits/routes/sender'
import { startOrResume } from '../responseLimits/routes/startOrResume'
import { renderTooMany } from '../responseLimits/routes/tooManyPage'
import { startStatement } from '../privacy/startStatement'
import { answerUntilText } from '../surveyManagement/closingText'
import { writeDraftId } from './draftCookie'
import { expiredDraftNotice } from './expiredDraft'
import { Journey } from './journey'
import { earlierRounds } from './loopClosed'
import { renderClosed } from './draftStep'
import { stepPath } from './stepPath'
import { loadSurveyContext, surveyLocals } from './surveyContext'

export function startPage(db: Database, deps: { config: Config; limits: ResponseLimits }) {
  const { config, limits } = deps
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const { survey, words, version } = context
    const draftExpired = await expiredDraftNotice(db, req, res, { context, ttlDays: config.draftTtlDays })
    res.render('respond/start', {
      ...surveyLocals(context),
      pageTitle: words.title,
      purpose: words.start.purpose,
      answersText: words.start.answers,
      privacyStatement: await startStatement(db, { ...survey, easyRead: version.definition.easyRead }, req.t),
      timeText: req.t('pages.start.time', { count: version.definition.estimatedMinutes }),
      answerUntil: answerUntilText(survey.closesAt, { t: req.t, language: req.language }),
      resuming: context.draft !== undefined,
      formAction: paths.respond.begin(survey.organisationSlug, survey.slug),
      ...(await groupOnStartPage(db, req, survey, limits.clock())),
      draftExpired,
      earlierRounds: await earlierRounds(db, req, context),
    })
  }
}

/**
 * Starts a draft (or carries on with this browser's) and goes to the first page still to answer; or,
 * when this address has started too many just now, says to try again later (429).
 */
export function beginSurvey(db: Database, deps: { config: Config; limits: ResponseLimits }) {
  return async (req: Request, res: Response) => {
    const { config } = deps
    const context = await loadSurveyContext(db, req)
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    const started = await startOrResume(db, req, { context, ...deps })
    if (started.kind === 'too-many') {
      renderTooMany(res, context, { stage: 'start', retryAfterSeconds: started.retryAfterSeconds })
      return
    }
    const { survey, version } = context
    const { draft } = started
    writeDraftId(res, survey, draft.id, config.draftTtlDays)
    res.redirect(303, stepPath(survey, new Journey(version.definition, draft.answers).firstUnanswered()))
  }
}
