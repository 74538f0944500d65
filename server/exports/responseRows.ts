import type { Queryable } from '../db/database'
import type { ResultsFilter } from '../results/types'
import type { StoredAnswer } from '../surveys/questionTypes/contract'
import {
  findResponsesAfter,
  firstCursor,
  type ResponseCursor,
  type ResponsePageRow,
  type SurveyKey,
} from './queries'

/** What an export knows of one response: nothing that could lead back to the person. */
export interface ResponseRow {
  /** The day it was sent: responses keep no time of day. */
  submittedAt: Date
  version: number
  language: string
  /** How it was collected: online, group-session, face-to-face, phone or paper. */
  collectionMethod: string
  answers: Record<string, StoredAnswer>
}

export const defaultPageSize = 1000

const toResponseRow = (row: ResponsePageRow): ResponseRow => ({
  submittedAt: row.submitted_at,
  version: row.version,
  language: row.language,
  collectionMethod: row.collection_method,
  answers: row.answers,
})

/**
 * Every response of a survey that the filter selects, oldest first, read a page at a time so memory
 * stays flat however many there are. Each page is its own short query rather than a server cursor:
 * PGlite has one connection, and a cursor or transaction held open for a long download would stall
 * every respondent meanwhile. The cost is that a response sent during the download may or may not
 * be included, which is fine for an export stamped with when it was taken.
 */
export async function* readResponseRows(
  db: Queryable,
  survey: SurveyKey,
  options: { filter?: ResultsFilter; pageSize?: number } = {},
): AsyncGenerator<ResponseRow> {
  const size = options.pageSize ?? defaultPageSize
  const filter = options.filter ?? {}
  let after: ResponseCursor | undefined = firstCursor
  while (after) {
    const rows = await findResponsesAfter(db, survey, { filter, after, size })
    for (const row of rows) yield toResponseRow(row)
    const last = rows.at(-1)
    after = last && rows.length === size ? { day: last.submitted_day, seq: last.submitted_seq } : undefined
  }
}
