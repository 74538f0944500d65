import type { Queryable } from '../../db/database'
import { judgeSubmit, type LimitSettings, type SubmitJudgement } from '../model/holdRules'
import { lockClient, recentSubmits, recordActivity, type Client } from './activityQueries'
import { isGroupSessionOpen } from './groupSessionQueries'

/** Who is sending a response, as the limits see them. */
export interface Sender {
  clientKey: string
  /** A keyed hash of the answers, to see the same answers repeated (model/clientKey.ts). */
  hashAnswers: (answers: Record<string, unknown>) => string
  settings: LimitSettings
}

export interface Submission {
  organisationId: string
  groupSessionId: string | null
  startedAt: Date | null
  questions: number
  answers: Record<string, unknown>
  now: Date
}

/**
 * Inside the submit's transaction: refuse, hold or count this response, and record the submit (unless
 * refused) so the next one from this sender sees it. The sender's count is locked until the
 * transaction ends, so concurrent submits from one address are judged one after another. With
 * RESPONSE_LIMITS=off every response is counted and nothing is recorded.
 */
export async function screenSubmit(
  tx: Queryable,
  sender: Sender,
  submission: Submission,
): Promise<SubmitJudgement> {
  const { settings } = sender
  if (!settings.enabled) return { kind: 'count' }
  const { now } = submission
  const client: Client = { organisationId: submission.organisationId, clientKey: sender.clientKey }
  await lockClient(tx, client)
  const inGroupSession =
    submission.groupSessionId !== null &&
    (await isGroupSessionOpen(tx, submission.organisationId, { id: submission.groupSessionId, now }))
  const answersHash = sender.hashAnswers(submission.answers)
  const recent = await recentSubmits(tx, client, {
    windowFrom: new Date(now.getTime() - settings.windowMinutes * 60_000),
    burstFrom: new Date(now.getTime() - settings.burstSeconds * 1000),
    answersHash,
  })
  const judgement = judgeSubmit(
    { now, startedAt: submission.startedAt, questions: submission.questions, inGroupSession, recent },
    settings,
  )
  if (judgement.kind !== 'too-many')
    await recordActivity(tx, client, {
      action: 'submit',
      at: now,
      // Only a session still open lifts the limits; after it ends, its drafts count as anyone's.
      groupSessionId: inGroupSession ? submission.groupSessionId : null,
      answersHash,
    })
  return judgement
}
