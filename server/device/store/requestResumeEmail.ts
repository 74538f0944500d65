import type { Database } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import { lockClient } from '../../responseLimits/store/activityQueries'
import { refuseResumeEmail, resumeEmailLimits, type ResumeEmailRefusal } from '../model/resumeLimits'
import {
  countResumeRequestsBySender,
  countResumeRequestsForDraft,
  insertResumeEmail,
  lockLiveDraft,
  recordResumeRequest,
  type DraftKey,
} from './resumeEmailQueries'

export type ResumeEmailOutcome =
  { kind: 'queued' } | { kind: 'no-draft' } | { kind: 'too-many'; limit: ResumeEmailRefusal }

/**
 * Persist, then enqueue: the address goes into the outbox and the job that sends it onto the queue in
 * one transaction, so the email exists exactly when the request was accepted, and survives a restart.
 * The draft row and the sender's count are locked while it runs, so two tabs or two servers cannot
 * both slip under a limit. The job carries ids only; the address is in the outbox row alone.
 */
export async function requestResumeEmail(
  db: Database,
  jobs: JobSender,
  request: { draft: DraftKey; clientKey: string; to: string; language: string; now: Date },
): Promise<ResumeEmailOutcome> {
  const { draft, now } = request
  const sender = { organisationId: draft.organisationId, clientKey: request.clientKey }
  return db.transaction(async (tx) => {
    if (!(await lockLiveDraft(tx, draft))) return { kind: 'no-draft' }
    await lockClient(tx, sender)
    const since = new Date(now.getTime() - resumeEmailLimits.windowMinutes * 60_000)
    const limit = refuseResumeEmail({
      draft: await countResumeRequestsForDraft(tx, draft),
      sender: await countResumeRequestsBySender(tx, sender, since),
    })
    if (limit) return { kind: 'too-many', limit }
    const outbox = await insertResumeEmail(tx, draft, {
      to: request.to,
      language: request.language,
      requestedAt: now,
    })
    await recordResumeRequest(tx, sender, now)
    await jobs.enqueue(tx, 'resume-email', {
      organisationId: outbox.organisationId,
      resumeEmailId: outbox.id,
    })
    return { kind: 'queued' }
  })
}
