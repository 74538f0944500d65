import type { Request } from 'express'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import type { SurveyContext } from '../../respond/surveyContext'
import { normaliseGroupCode } from '../model/groupCode'
import { findOpenGroupSession, joinGroupSession } from '../store/groupSessionQueries'
import { startDraft, type StartOutcome } from '../store/startDraft'
import { senderFor, type ResponseLimits } from './sender'

/**
 * This browser's draft, or a new one if the limits allow. A group code posted with the start button
 * (from a group session's link) marks the draft, new or carried on, which lifts the per-address limits
 * for it while the session is open. An officer's preview is never limited.
 */
export async function startOrResume(
  db: Database,
  req: Request,
  options: { context: SurveyContext; config: Config; limits: ResponseLimits },
): Promise<StartOutcome> {
  const { context, config, limits } = options
  const { survey, draft } = context
  const now = limits.clock()
  const groupCode = normaliseGroupCode((req.body as Record<string, unknown> | undefined)?.group)
  if (draft) {
    const group = groupCode ? await findOpenGroupSession(db, survey, { code: groupCode, now }) : undefined
    if (group) await joinGroupSession(db, draft, group.id)
    return { kind: 'started', draft }
  }
  return startDraft(db, {
    survey: { organisationId: survey.organisationId, surveyId: survey.surveyId },
    version: context.version.version,
    language: req.language,
    ttlDays: config.draftTtlDays,
    now,
    clientKey: senderFor(req, limits, survey.organisationId).clientKey,
    groupCode,
    settings: context.preview ? { ...limits.settings, enabled: false } : limits.settings,
  })
}
