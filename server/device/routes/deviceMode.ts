import type { NextFunction, Request, Response } from 'express'
import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import { readDraftId, readSentReference } from '../../respond/draftCookie'
import { warningSeconds } from '../model/sharedDeviceForm'
import { findOpenSharedSession } from '../store/sharedSessionQueries'
import { isThisSurvey } from './deviceSession'

/**
 * When a shared device's page moves on by itself: without JavaScript, a refresh to href after
 * seconds; with it, a warning after seconds and the reset warningSeconds later.
 */
export interface IdleRefresh {
  seconds: number
  href: string
  resetHref: string
  warningSeconds: number
}

/** What every page of a survey shows differently on a shared device. */
export interface SharedDeviceLocals {
  sessionId: string
  code: string
  idleMinutes: number
  nextPersonHref: string
}

const surveyOf = (req: Request) => {
  const { organisation = '', survey = '' } = req.params as Record<string, string | undefined>
  return { organisation, survey }
}

/**
 * Before the respondent pages: says in res.locals (which every view reads) whether this browser is a
 * shared device of an open group session, or an officer typing in responses, and where the draft
 * links lead. A shared device whose session has ended goes back to being an ordinary browser.
 */
export function deviceMode(db: Database, options: { clock: Clock; draftTtlDays: number }) {
  const { clock, draftTtlDays } = options
  return async (req: Request, res: Response, next: NextFunction) => {
    const { organisation, survey } = surveyOf(req)
    const shared = req.session.sharedDevice
    if (shared && isThisSurvey(req, shared)) {
      const session = await findOpenSharedSession(db, shared, { code: shared.code, now: clock() })
      if (session) {
        res.locals.sharedDevice = {
          sessionId: session.id,
          code: session.code,
          idleMinutes: session.idleMinutes,
          nextPersonHref: paths.respond.nextPerson(organisation, survey),
        }
        res.locals.idleRefresh = idleRefreshFor(req, { organisation, survey }, session.idleMinutes)
      } else delete req.session.sharedDevice
    }
    const entering = req.session.dataEntry
    // Only while this browser holds the typed-in draft: the officer's own preview is not data entry.
    if (entering && isThisSurvey(req, entering)) {
      if (
        req.session.officer?.organisationId === entering.organisationId &&
        readDraftId(req) === entering.draftId
      )
        res.locals.dataEntry = { method: entering.method, againHref: paths.manage.dataEntry(survey) }
      else delete req.session.dataEntry
    }
    const here = encodeURIComponent(req.originalUrl.split('?')[0] ?? '')
    res.locals.draftLinks = {
      emailHref:
        res.locals.sharedDevice || res.locals.dataEntry
          ? undefined
          : `${paths.respond.emailLink(organisation, survey)}?from=${here}`,
      startAgainHref: paths.respond.startAgain(organisation, survey),
    }
    res.locals.draftTtlDays = draftTtlDays
    // Where the thank-you page sends someone who wants their answers deleted: the privacy notice.
    res.locals.privacyHrefs = {
      standard: paths.organisationPages.privacy(organisation),
      easyRead: paths.organisationPages.easyReadPrivacy(organisation),
    }
    next()
  }
}

/** Where the device goes after the idle minutes with nobody pressing anything: the warning page. */
function idleRefreshFor(
  req: Request,
  survey: { organisation: string; survey: string },
  idleMinutes: number,
): IdleRefresh | undefined {
  // Only a page that has someone's answers behind it needs clearing; an empty start page stays put.
  if (readDraftId(req) === undefined && readSentReference(req) === undefined) return undefined
  const here = req.originalUrl.split('?')[0] ?? ''
  return {
    seconds: idleMinutes * 60,
    href: `${paths.respond.stillThere(survey.organisation, survey.survey)}?return=${encodeURIComponent(here)}`,
    resetHref: paths.respond.idleReset(survey.organisation, survey.survey),
    warningSeconds,
  }
}
