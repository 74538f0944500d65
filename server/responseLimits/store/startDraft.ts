import type { Database } from '../../db/database'
import { insertDraft, type Draft } from '../../respond/queries'
import { secondsUntilRoom, type LimitSettings } from '../model/holdRules'
import { countStartsSince, lockClient, recordActivity, type Client } from './activityQueries'
import { findOpenGroupSession } from './groupSessionQueries'

export type StartOutcome = { kind: 'started'; draft: Draft } | { kind: 'too-many'; retryAfterSeconds: number }

export interface StartRequest {
  survey: { organisationId: string; surveyId: string }
  version: number
  language: string
  ttlDays: number
  now: Date
  /** The sender, and the group code their start page carried, if any. */
  clientKey: string
  groupCode: string | undefined
  settings: LimitSettings
}

/**
 * Starts a new draft, unless this sender has started too many outside a group session in the window.
 * The count, the draft and the record of the start are one transaction, and the sender's count is
 * locked while it runs, so several servers together still let through no more than the limit. A code
 * that is unknown or has ended is ignored: the respondent starts as anyone else would.
 */
export async function startDraft(db: Database, request: StartRequest): Promise<StartOutcome> {
  const { survey, settings, now } = request
  const client: Client = { organisationId: survey.organisationId, clientKey: request.clientKey }
  return db.transaction(async (tx) => {
    const group = request.groupCode
      ? await findOpenGroupSession(tx, survey, { code: request.groupCode, now })
      : undefined
    if (settings.enabled) {
      await lockClient(tx, client)
      if (!group) {
        const since = new Date(now.getTime() - settings.windowMinutes * 60_000)
        const { starts, oldest } = await countStartsSince(tx, client, since)
        if (starts >= settings.startsPerWindow)
          return {
            kind: 'too-many',
            retryAfterSeconds: secondsUntilRoom(oldest, settings.windowMinutes, now),
          }
      }
    }
    const draft = await insertDraft(tx, {
      ...survey,
      version: request.version,
      language: request.language,
      ttlDays: request.ttlDays,
      startedAt: now,
      groupSessionId: group?.id ?? null,
    })
    if (settings.enabled)
      await recordActivity(tx, client, { action: 'start', at: now, groupSessionId: group?.id ?? null })
    return { kind: 'started', draft }
  })
}
