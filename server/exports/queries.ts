import type { Queryable } from '../db/database'
import { responseSelection, selectionParameters } from '../results/responseSelection'
import type { ResultsFilter } from '../results/types'
import type { StoredAnswer } from '../surveys/questionTypes/contract'

export interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface ResponsePageRow {
  id: string
  version: number
  language: string
  /** online, group-session, face-to-face, phone or paper. */
  collection_method: string
  answers: Record<string, StoredAnswer>
  /** The day it was sent (midnight UTC of the London date); responses keep no time of day. */
  submitted_at: Date
  /** The day as text, for the cursor: a Date would be read back in the server's time zone. */
  submitted_day: string
  /** Fixes the order within a day; it says nothing about the time. */
  submitted_seq: number
}

// Only what an export shows is read: never the reference or the draft id. The id is read to tell
// rows apart; the sequence only orders the responses of one day.
const selectResponses = `SELECT id, version, language, answers, submitted_at, submitted_at::text AS submitted_day,
       submitted_seq, collection_method
  FROM responses
 WHERE ${responseSelection}`

/** Where the last page ended: a day and the sequence number within it. */
export interface ResponseCursor {
  day: string
  seq: number
}

export const firstCursor: ResponseCursor = { day: '-infinity', seq: 0 }

/**
 * Up to `size` responses after the cursor, oldest day first and in a fixed order within a day. The
 * order is exactly that of the index on (organisation_id, survey_id, submitted_at, submitted_seq),
 * so each page is a short walk along the index whatever the planner's statistics say (PGlite never
 * gathers them by itself, and a sort of every remaining row for each page would cost n squared).
 */
export async function findResponsesAfter(
  db: Queryable,
  survey: SurveyKey,
  page: { filter: ResultsFilter; after: ResponseCursor; size: number },
): Promise<ResponsePageRow[]> {
  return db.query<ResponsePageRow>(
    `${selectResponses} AND (submitted_at, submitted_seq) > ($7::date, $8::bigint)
     ORDER BY submitted_at, submitted_seq LIMIT $9`,
    [...selectionParameters(survey, page.filter), page.after.day, page.after.seq, page.size],
  )
}
