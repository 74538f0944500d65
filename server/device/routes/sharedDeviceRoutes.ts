import type { Request, Response } from 'express'
import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import { clearDraftId, forgetSentReference, readDraftId } from '../../respond/draftCookie'
import { loadSurveyContext, surveyLocals } from '../../respond/surveyContext'
import { normaliseGroupCode } from '../../responseLimits/model/groupCode'
import { safeReturnPath } from '../model/returnPath'
import { warningSeconds } from '../model/sharedDeviceForm'
import { deleteDraft } from '../store/draftQueries'
import { findOpenSharedSession } from '../store/sharedSessionQueries'
import type { SharedDeviceLocals } from './deviceMode'

const sharedOf = (res: Response) => res.locals.sharedDevice as SharedDeviceLocals | undefined

/**
 * The link (or QR code) of a session on shared devices: this browser becomes one of its devices and
 * goes to the start page with the group's code. Whatever this browser held for the survey is
 * forgotten first. A code that is not an open shared session is simply passed on to the start page,
 * which says whether it works.
 */
export function enterSharedDevice(db: Database, clock: Clock) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const code = normaliseGroupCode((req.params as { code?: string }).code) ?? ''
    const session = code ? await findOpenSharedSession(db, survey, { code, now: clock() }) : undefined
    if (session) {
      req.session.sharedDevice = {
        organisationId: survey.organisationId,
        organisationSlug: survey.organisationSlug,
        surveyId: survey.surveyId,
        surveySlug: survey.slug,
        code: session.code,
      }
      clearDraftId(res, survey)
      forgetSentReference(res, survey)
    }
    res.redirect(303, paths.respond.groupStart(survey.organisationSlug, survey.slug, code))
  }
}

/**
 * Reached by the idle refresh of a shared device's page: are you still there? Without JavaScript it
 * refreshes once more, after warningSeconds, to the reset; "I'm still here" goes back to the page.
 */
export function stillTherePage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const surveyPath = paths.respond.start(survey.organisationSlug, survey.slug)
    const back = safeReturnPath(surveyPath, req.query.return)
    if (!sharedOf(res)) {
      res.redirect(303, back)
      return
    }
    res.render('device/stillThere', {
      ...surveyLocals(context),
      pageTitle: req.t('device.stillThere.title'),
      backHref: back,
      seconds: warningSeconds,
      idleRefresh: {
        seconds: warningSeconds,
        href: paths.respond.idleReset(survey.organisationSlug, survey.slug),
        resetHref: paths.respond.idleReset(survey.organisationSlug, survey.slug),
        warningSeconds,
      },
    })
  }
}

/**
 * Nobody came back: the draft started on this device in its session is deleted and every cookie that
 * leads to answers forgotten, and the device shows the session's start page for the next person. A
 * GET, because a page's refresh is the only thing that can reach it without JavaScript; it deletes
 * only a draft of the shared session this browser belongs to that has had no answer for the idle
 * minutes, so a link to it harms nobody else and cannot cut short someone still answering.
 */
export function idleReset(db: Database, clock: Clock) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const shared = sharedOf(res)
    const draftId = readDraftId(req)
    const idleSince = new Date(clock().getTime() - (shared?.idleMinutes ?? 0) * 60_000)
    const kept =
      shared !== undefined &&
      draftId !== undefined &&
      context.draft !== undefined &&
      !(await deleteDraft(db, { ...survey, draftId }, { groupSessionId: shared.sessionId, idleSince }))
    if (shared && !kept) {
      clearDraftId(res, survey)
      forgetSentReference(res, survey)
    }
    res.redirect(
      303,
      shared
        ? paths.respond.groupStart(survey.organisationSlug, survey.slug, shared.code)
        : paths.respond.start(survey.organisationSlug, survey.slug),
    )
  }
}

/** After each response on a shared device: nothing of the last person is left, and the next can begin. */
export function nextPersonPage(db: Database) {
  return async (req: Request, res: Response) => {
    const context = await loadSurveyContext(db, req)
    const { survey } = context
    const shared = sharedOf(res)
    if (!shared) {
      res.redirect(303, paths.respond.start(survey.organisationSlug, survey.slug))
      return
    }
    clearDraftId(res, survey)
    forgetSentReference(res, survey)
    res.render('device/nextPerson', {
      ...surveyLocals(context),
      pageTitle: req.t('device.nextPerson.title'),
      startHref: paths.respond.groupStart(survey.organisationSlug, survey.slug, shared.code),
      idleRefresh: undefined,
    })
  }
}
