import type { Queryable } from '../../db/database'
import { heldSelection, selectionParameters } from '../../results/responseSelection'
import type { ResultsFilter } from '../../results/types'
import { holdReasons, type HoldReason } from '../model/holdRules'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface HeldRow {
  organisationId: string
  id: string
  surveyId: string
  version: number
  language: string
  reference: string
  draftId: string
  answers: Record<string, unknown>
  submittedAt: Date
  startedAt: Date | null
  reasons: HoldReason[]
  /** How it was collected (device/model/collectionMethods.ts), online when not said; kept when included. */
  collectionMethod?: string
}

/**
 * Holds a response for review. The reference must be free in responses too, so that including it
 * later can never collide with a counted response; when it is not, nothing is inserted and the caller
 * draws another.
 */
export async function insertHeldResponse(db: Queryable, row: HeldRow): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO held_responses (organisation_id, id, survey_id, version, language, reference, draft_id,
                                 answers, submitted_at, started_at, held_at, hold_reasons, collection_method)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $11, $12
      WHERE NOT EXISTS (SELECT 1 FROM responses WHERE organisation_id = $1 AND reference = $6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      row.organisationId,
      row.id,
      row.surveyId,
      row.version,
      row.language,
      row.reference,
      row.draftId,
      JSON.stringify(row.answers),
      row.submittedAt,
      row.startedAt,
      row.reasons,
      row.collectionMethod ?? 'online',
    ],
  )
  return inserted.length > 0
}

export type HeldCounts = { total: number } & Record<HoldReason, number>

/**
 * How many are held in a selection (the results' own filter, results/responseSelection.ts), in all and
 * for each reason, so the held figure beside a selection's results is about the same responses.
 */
export async function countHeld(
  db: Queryable,
  survey: SurveyKey,
  filter: ResultsFilter = {},
): Promise<HeldCounts> {
  const [row] = await db.query<{ total: number; reasons: Record<string, number> | null }>(
    `SELECT count(*)::integer AS total,
            (SELECT jsonb_object_agg(reason, n) FROM (
               SELECT reason, count(*)::integer AS n FROM held_responses, unnest(hold_reasons) AS reason
                WHERE ${heldSelection} GROUP BY reason) AS per_reason) AS reasons
       FROM held_responses WHERE ${heldSelection}`,
    selectionParameters(survey, filter),
  )
  const counts = { total: row?.total ?? 0 } as HeldCounts
  for (const reason of holdReasons) counts[reason] = row?.reasons?.[reason] ?? 0
  return counts
}

export interface HeldListing {
  reference: string
  submittedAt: Date
  startedAt: Date | null
  reasons: HoldReason[]
}

/** The latest held responses of a survey, up to a limit, without their answers. */
export async function listHeld(
  db: Queryable,
  survey: SurveyKey,
  options: { limit: number },
): Promise<HeldListing[]> {
  const rows = await db.query<{
    reference: string
    submitted_at: Date
    started_at: Date | null
    hold_reasons: HoldReason[]
  }>(
    `SELECT reference, submitted_at, started_at, hold_reasons FROM held_responses
      WHERE organisation_id = $1 AND survey_id = $2 ORDER BY submitted_at DESC, reference LIMIT $3`,
    [survey.organisationId, survey.surveyId, options.limit],
  )
  return rows.map((row) => ({
    reference: row.reference,
    submittedAt: row.submitted_at,
    startedAt: row.started_at,
    reasons: row.hold_reasons,
  }))
}

/** Which held responses a decision is about: those ticked, and all held for the reasons ticked. */
export interface HeldChoice {
  references: string[]
  reasons: HoldReason[]
  /** Reasons cover only what was held when the page was shown, never responses held since. */
  heldUpTo: Date
}

const chosen = `organisation_id = $1 AND survey_id = $2
  AND (reference = ANY ($3::text[]) OR (hold_reasons && $4::text[] AND held_at <= $5))`

const choiceParameters = (survey: SurveyKey, choice: HeldChoice) => [
  survey.organisationId,
  survey.surveyId,
  choice.references,
  choice.reasons,
  choice.heldUpTo,
]

/**
 * Moves the chosen held responses into responses, keeping their id and reference, in one statement:
 * the rows deleted from held_responses are the rows inserted (PostgreSQL runs both parts to the end
 * whatever the final SELECT reads). Returns each moved row's reasons.
 */
export async function includeHeld(
  db: Queryable,
  survey: SurveyKey,
  choice: HeldChoice,
): Promise<HoldReason[][]> {
  const rows = await db.query<{ hold_reasons: HoldReason[] }>(
    `WITH moved AS (
       DELETE FROM held_responses WHERE ${chosen}
       RETURNING organisation_id, id, survey_id, version, language, reference, draft_id, answers,
                 submitted_at, hold_reasons, collection_method),
     inserted AS (
       INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at,
                              collection_method)
       SELECT organisation_id, id, survey_id, version, language, reference, draft_id, answers,
              (submitted_at AT TIME ZONE 'Europe/London')::date, collection_method FROM moved)
     SELECT hold_reasons FROM moved`,
    choiceParameters(survey, choice),
  )
  return rows.map((row) => row.hold_reasons)
}

/** Deletes the chosen held responses. Returns each deleted row's reasons. */
export async function discardHeld(
  db: Queryable,
  survey: SurveyKey,
  choice: HeldChoice,
): Promise<HoldReason[][]> {
  const rows = await db.query<{ hold_reasons: HoldReason[] }>(
    `DELETE FROM held_responses WHERE ${chosen} RETURNING hold_reasons`,
    choiceParameters(survey, choice),
  )
  return rows.map((row) => row.hold_reasons)
}
