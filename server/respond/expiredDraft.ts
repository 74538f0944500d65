import type { Request, Response } from 'express'
import type { Database } from '../db/database'
import { clearDraftId } from './draftCookie'
import { loadSentReference, type SurveyContext } from './surveyContext'

/**
 * What the start page says when this browser's draft has gone (expired, or deleted by the retention
 * sweep) without being sent: that the answers were deleted after so many days, in easy-read words on
 * a young person's survey. It is said once: the dead draft id is forgotten as it is said.
 */
export async function expiredDraftNotice(
  db: Database,
  req: Request,
  res: Response,
  options: { context: SurveyContext; ttlDays: number },
): Promise<string | undefined> {
  const { context, ttlDays } = options
  if (context.goneDraftId === undefined) return undefined
  if (await loadSentReference(db, req, context.survey)) return undefined
  clearDraftId(res, context.survey)
  const wording = context.version.definition.easyRead ? 'easyRead' : 'standard'
  return req.t(`respondentData.draftExpired.${wording}`, { count: ttlDays })
}
