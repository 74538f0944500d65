import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database'
import type { Sender } from '../responseLimits/store/screenSubmit'
import { screenSubmit } from '../responseLimits/store/screenSubmit'
import { insertHeldResponse } from '../responseLimits/store/heldQueries'
import type { HoldReason } from '../responseLimits/model/holdRules'
import type { JobSender } from '../jobs/jobQueue'
import { alertOnWorryingAnswers } from '../safeguarding/phrases/scanFreeTextOnSubmit'
import { markInvitationAnswered } from '../invitations/linkQueries'
import { collectionMethodOf, isEnteredMethod, unscreened } from '../device/model/collectionMethods'
import { recordEnteredResponse } from '../device/store/recordEnteredResponse'
import { findSurveyVersion } from '../surveys/queries'
import { Journey } from './journey'
import { findResponseReferenceByDraft } from './queries'
import { newReference } from './reference'
import { deleteDraft, insertCountedResponse, lockDraft, type LockedDraft } from './submitQueries'

export type SubmitOutcome =
  | { kind: 'submitted'; reference: string; held: boolean }
  | { kind: 'already-submitted'; reference: string }
  | { kind: 'incomplete' }
  | { kind: 'no-draft' }
  | { kind: 'too-many'; retryAfterSeconds: number }

interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface SubmitRequest {
  survey: SurveyKey
  draftId: string
  /** The time of sending (deps.clock): the response is stamped with it, and the limits judge by it. */
  now: Date
  sender: Sender
  /** Where a safeguarding alert's email job is put, inside this transaction. */
  jobs: JobSender
  /**
   * The hash of the invitation link this browser came by (from its signed cookie), if any: that
   * invitation is marked answered in this transaction. Nothing joining the two is written.
   */
  invitationTokenHash?: string
}

/** One new row, counted or held; the reference must be free in both tables. */
interface NewResponse {
  survey: SurveyKey
  draftId: string
  draft: LockedDraft
  answers: Record<string, unknown>
  now: Date
  held: HoldReason[] | undefined
}

async function insertRow(tx: Queryable, row: NewResponse, id: string, reference: string): Promise<boolean> {
  const stored = {
    ...row.survey,
    id,
    version: row.draft.version,
    language: row.draft.language,
    reference,
    draftId: row.draftId,
    answers: row.answers,
    submittedAt: row.now,
    collectionMethod: collectionMethodOf(row.draft),
  }
  if (!row.held) return insertCountedResponse(tx, stored)
  return insertHeldResponse(tx, { ...stored, startedAt: row.draft.started_at, reasons: row.held })
}

/**
 * Turns a complete draft into exactly one response: counted (responses) or, when it looks automated,
 * held for review (held_responses), outside every count until an analyst includes it. The respondent
 * sees the same confirmation either way. What could go wrong, and the guard for each:
 * - a double click, two tabs, a retry: the draft row is locked, so submits of one draft queue up;
 *   the first deletes the draft in its transaction, and the rest find its reference in either table;
 * - even so, the unique key on draft_id in each table makes a second row in that table impossible;
 * - many sends from one address at once: screenSubmit locks that address's count, so the limits and
 *   the burst rules judge them one after another, on one server or several;
 * - over the submit limit: nothing is written and the draft stays, so sending later works.
 * Free text that suggests a child may be at risk raises its safeguarding alert in this same
 * transaction, right after the row is inserted, for counted and held responses alike: holding
 * decides what is counted, never whether a person hears about a child.
 */
export async function submitResponse(db: Database, request: SubmitRequest): Promise<SubmitOutcome> {
  const { survey, draftId, now } = request
  return db.transaction(async (tx) => {
    const draft = await lockDraft(tx, survey, draftId)
    if (!draft) {
      const reference = await findResponseReferenceByDraft(tx, survey, draftId)
      return reference ? { kind: 'already-submitted', reference } : { kind: 'no-draft' }
    }
    const definition = (await findSurveyVersion(tx, survey, draft.version))?.definition
    const journey = definition && new Journey(definition, draft.answers)
    if (!definition || !journey?.isComplete) return { kind: 'incomplete' }
    // Only the questions asked: an answer to a question a later change skipped is dropped here.
    const answers = journey.askedAnswers()

    // A response an officer typed in is theirs to vouch for: no address limits, never held.
    const entered = isEnteredMethod(draft.collection_method) ? draft.entered_by : null
    const judgement = await screenSubmit(tx, entered ? unscreened(request.sender) : request.sender, {
      organisationId: survey.organisationId,
      groupSessionId: draft.group_session_id,
      startedAt: draft.started_at,
      questions: Object.keys(answers).length,
      answers,
      now,
    })
    if (judgement.kind === 'too-many') return judgement
    const row = {
      survey,
      draftId,
      draft,
      answers,
      now,
      held: judgement.kind === 'hold' ? judgement.reasons : undefined,
    }

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = newReference()
      const id = randomUUID()
      if (await insertRow(tx, row, id, reference)) {
        const alert = { ...survey, responseId: id, language: draft.language, definition, answers }
        await alertOnWorryingAnswers(tx, request.jobs, alert, now)
        if (request.invitationTokenHash) await markInvitationAnswered(tx, survey, request.invitationTokenHash)
        if (entered && isEnteredMethod(draft.collection_method))
          await recordEnteredResponse(tx, { ...survey, officerId: entered, method: draft.collection_method })
        await deleteDraft(tx, survey.organisationId, draftId)
        return { kind: 'submitted', reference, held: row.held !== undefined }
      }
      const existing = await findResponseReferenceByDraft(tx, survey, draftId)
      if (existing) return { kind: 'already-submitted', reference: existing }
      // Otherwise the random reference was already taken in this organisation: draw another.
    }
    throw new Error('Could not find a free response reference')
  })
}
