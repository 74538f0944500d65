import type { Request, Response } from 'express'
import type { Database } from '../db/database'
import type { JobSender } from '../jobs/jobQueue'
import { optionLabeller } from '../surveys/labels'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import { paths } from '../paths'
import { senderFor, type ResponseLimits } from '../responseLimits/routes/sender'
import { renderTooMany } from '../responseLimits/routes/tooManyPage'
import { signpostingAfterAnswers } from '../safeguarding/help/helpPageSignposting'
import { readDraftId, replaceDraftWithReference } from './draftCookie'
import { Journey } from './journey'
import { reachDraftStep, renderClosed } from './draftStep'
import { stepPath } from './stepPath'
import { loopClosedLinks } from './loopClosed'
import { submitResponse } from './submitResponse'
import { clearInvitationCookie, readInvitationCookie } from '../invitations/invitationCookie'
import { endPreview } from '../surveyBuilder/routes/previewSession'
import { loadSentReference, loadSurveyContext, surveyLocals, type SurveyContext } from './surveyContext'

/** One row a question; a question skipped by its condition says "Not asked" and cannot be changed. */
function summaryRows(req: Request, context: SurveyContext, journey: Journey) {
  const { survey, words, version } = context
  const answers = journey.askedAnswers()
  return version.definition.questions.map((question) => {
    const questionWords = words.questions[question.id]
    const type = questionTypeFor(question)
    const value = answers[question.id] ?? null
    const title = questionWords?.title ?? question.id
    if (!journey.isAsked(question.id))
      return { key: { text: title }, value: { lines: [req.t('journeySteps.notAsked')] } }
    return {
      key: { text: title },
      value: {
        lines: type.isAnswered(value)
          ? type.display(value, optionLabeller(question, questionWords, req.t))
          : [req.t('answers.notAnswered')],
      },
      actions: {
        items: [
          {
            href: paths.respond.question(survey.organisationSlug, survey.slug, question.id),
            text: req.t('pages.checkAnswers.change'),
            visuallyHiddenText: title,
          },
        ],
      },
    }
  })
}

export function checkAnswersPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const reached = await reachDraftStep(db, req, res, { context, step: { kind: 'check-answers' } })
    if (!reached) return
    const { survey } = context
    const { journey } = reached
    res.render('respond/checkAnswers', {
      ...surveyLocals(context),
      pageTitle: req.t('pages.checkAnswers.title'),
      rows: summaryRows(req, context, journey),
      backLink: {
        href: stepPath(survey, journey.previous({ kind: 'check-answers' })),
        text: req.t('layout.back'),
      },
      formAction: paths.respond.submit(survey.organisationSlug, survey.slug),
    })
  }
}

/**
 * Sends the draft. However often it is posted, one response is stored (counted, or held for review
 * with the same confirmation) and the same reference shown. Over the send limit: 429, draft kept.
 */
export function submitAnswers(db: Database, limits: ResponseLimits, jobs: JobSender) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const sent = await loadSentReference(db, req, survey)
    if (sent) {
      res.redirect(303, paths.respond.confirmation(survey.organisationSlug, survey.slug))
      return
    }
    if (!context.open) {
      renderClosed(res, context)
      return
    }
    if (!context.draft) {
      res.redirect(303, stepPath(survey, 'start'))
      return
    }
    if (context.preview) {
      // A preview keeps nothing: its draft goes now, and nothing was counted or sent.
      await endPreview(db, req, res, survey, context.draft.id)
      res.render('respond/previewEnd', {
        ...surveyLocals(context),
        pageTitle: req.t('pages.previewEnd.title'),
        manageHref: paths.manage.survey(survey.slug),
      })
      return
    }
    const outcome = await submitResponse(db, {
      survey,
      draftId: context.draft.id,
      now: limits.clock(),
      sender: senderFor(req, limits, survey.organisationId),
      jobs,
      invitationTokenHash: readInvitationCookie(req, limits.secret),
    })
    if (outcome.kind === 'too-many') {
      renderTooMany(res, context, { stage: 'submit', retryAfterSeconds: outcome.retryAfterSeconds })
      return
    }
    if (outcome.kind === 'incomplete') {
      const journey = new Journey(context.version.definition, context.draft.answers)
      res.redirect(303, stepPath(survey, journey.firstUnanswered()))
      return
    }
    if (outcome.kind === 'no-draft') {
      res.redirect(303, stepPath(survey, 'start'))
      return
    }
    clearInvitationCookie(res, survey)
    req.log.info({ surveyId: survey.surveyId, outcome: outcome.kind }, 'response submitted')
    res.redirect(303, paths.respond.confirmation(survey.organisationSlug, survey.slug))
  }
}

export function confirmationPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const sent = await loadSentReference(db, req, survey)
    if (!sent) {
      res.redirect(303, stepPath(survey, 'start'))
      return
    }
    const signposting = await signpostingAfterAnswers(db, survey, readDraftId(req))
    if (sent.byDraft) replaceDraftWithReference(res, survey, sent.reference)
    res.render('respond/confirmation', {
      ...surveyLocals(context),
      pageTitle: req.t('pages.confirmation.title'),
      reference: sent.reference,
      startAgainHref: stepPath(survey, 'start'),
      signposting,
      loopClosed: await loopClosedLinks(db, context),
    })
  }
}
