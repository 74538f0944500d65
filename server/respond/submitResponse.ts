import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database'
import type { Sender } from '../responseLimits/store/screenSubmit'
import { screenSubmit } from '../responseLimits/store/screenSubmit'
import { insertHeldResponse } from '../responseLimits/store/heldQueries'
import type { HoldReason } from '../responseLimits/model/holdRules'
import type { JobSender } from '../jobs/jobQueue'
import { alertOnWorryingAnswers } from '../safeguarding/phrases/scanFreeTextOnSubmit'
import { findSurveyVersion } from '../surveys/queries'
import { Journey, type Answers } from './journey'
import { findResponseReferenceByDraft } from './queries'
import { newReference } from './reference'

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
}

interface LockedDraft {
  version: number
  language: string
  answers: Answers
  started_at: Date | null
  group_session_id: string | null
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

async function insertCounted(
  tx: Queryable,
  row: NewResponse,
  id: string,
  reference: string,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, $2, $3, $4, $5, $6, draft_key($7::uuid), $8, ($9::timestamptz AT TIME ZONE 'Europe/London')::date
      WHERE NOT EXISTS (SELECT 1 FROM held_responses WHERE organisation_id = $1 AND reference = $6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      row.survey.organisationId,
      id,
      row.survey.surveyId,
      row.draft.version,
      row.draft.language,
      reference,
      row.draftId,
      JSON.stringify(row.answers),
      row.now,
    ],
  )
  return inserted.length > 0
}

async function insertRow(tx: Queryable, row: NewResponse, id: string, reference: string): Promise<boolean> {
  if (!row.held) return insertCounted(tx, row, id, reference)
  return insertHeldResponse(tx, {
    ...row.survey,
    id,
    version: row.draft.version,
    language: row.draft.language,
    reference,
    draftId: row.draftId,
    answers: row.answers,
    submittedAt: row.now,
    startedAt: row.draft.started_at,
    reasons: row.held,
  })
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
    const drafts = await tx.query<LockedDraft>(
      `SELECT version, language, answers, started_at, group_session_id FROM drafts
        WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now() FOR UPDATE`,
      [survey.organisationId, survey.surveyId, draftId],
    )
    const draft = drafts[0]
    if (!draft) {
      const reference = await findResponseReferenceByDraft(tx, survey, draftId)
      return reference ? { kind: 'already-submitted', reference } : { kind: 'no-draft' }
    }
    const definition = (await findSurveyVersion(tx, survey, draft.version))?.definition
    if (!definition || !new Journey(definition.questions, draft.answers).isComplete)
      return { kind: 'incomplete' }
    const answers = Object.fromEntries(definition.questions.map(({ id }) => [id, draft.answers[id] ?? null]))

    const judgement = await screenSubmit(tx, request.sender, {
      organisationId: survey.organisationId,
      groupSessionId: draft.group_session_id,
      startedAt: draft.started_at,
      questions: definition.questions.length,
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
        await tx.query('DELETE FROM drafts WHERE organisation_id = $1 AND id = $2', [
          survey.organisationId,
          draftId,
        ])
        return { kind: 'submitted', reference, held: row.held !== undefined }
      }
      const existing = await findResponseReferenceByDraft(tx, survey, draftId)
      if (existing) return { kind: 'already-submitted', reference: existing }
      // Otherwise the random reference was already taken in this organisation: draw another.
    }
    throw new Error('Could not find a free response reference')
  })
}
