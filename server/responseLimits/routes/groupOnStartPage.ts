import type { Request } from 'express'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import type { PublishedSurvey } from '../../surveys/queries'
import { normaliseGroupCode } from '../model/groupCode'
import { findOpenGroupSession } from '../store/groupSessionQueries'

declare module 'express-session' {
  interface SessionData {
    /** The group code this browser last came in with, so changing language keeps the group. */
    groupCode?: { surveyId: string; code: string }
  }
}

/**
 * What the start page says about the group code in its link (?group=7KQ4MZ), or the one this browser
 * came in with before it changed language: the open session's code and label, to send with the start
 * button; or, for a code in the link that is unknown or has ended, that it is not working, while the
 * respondent can still start as anyone else.
 */
export async function groupOnStartPage(db: Database, req: Request, survey: PublishedSurvey, now: Date) {
  const typed = req.query.group
  const remembered =
    req.session.groupCode?.surveyId === survey.surveyId ? req.session.groupCode.code : undefined
  const code = typed === undefined ? remembered : normaliseGroupCode(typed)
  const session = code ? await findOpenGroupSession(db, survey, { code, now }) : undefined
  if (session && typed !== undefined)
    req.session.groupCode = { surveyId: survey.surveyId, code: session.code }
  return {
    group: session ? { code: session.code, label: session.label } : undefined,
    groupProblem: typed !== undefined && !session,
    groupCodeHref: paths.respond.groupCode(survey.organisationSlug, survey.slug),
  }
}
