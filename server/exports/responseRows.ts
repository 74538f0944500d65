import type { Queryable } from '../db/database'
import type { ResultsFilter } from '../results/types'
import type { StoredAnswer } from '../surveys/questionTypes/contract'
import { findResponsesAfter, findResponsesAt, type ResponsePageRow, type SurveyKey } from './queries'

/** What an export knows of one response: nothing that could lead back to the person. */
export interface ResponseRow {
  submittedAt: Date
  version: number
  language: string
  answers: Record<string, StoredAnswer>
}

export const defaultPageSize = 1000

const toResponseRow = (row: ResponsePageRow): ResponseRow => ({
  submittedAt: row.submitted_at,
  version: row.version,
  language: row.language,
  answers: row.answers,
})

/** As PostgreSQL orders uuids: by their bytes, which for lower-case hex is plain text order. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Rows sent in the same instant put in id order, so every page size gives the same sequence. */
function orderTies(rows: ResponsePageRow[]): ResponsePageRow[] {
  const position = new Map(rows.map((row, index) => [row, index]))
  return [...rows].sort((a, b) =>
    a.submitted_text === b.submitted_text
      ? compareIds(a.id, b.id)
      : (position.get(a) ?? 0) - (position.get(b) ?? 0),
  )
}

/**
 * One page after the cursor. A full page may end part-way through responses sent in the same
 * instant, so that instant is dropped from the page and read whole instead; the next page starts
 * after it.
 */
async function readPage(
  db: Queryable,
  survey: SurveyKey,
  page: { filter: ResultsFilter; after: string; size: number },
): Promise<{ rows: ResponsePageRow[]; next?: string }> {
  const rows = await findResponsesAfter(db, survey, page)
  const last = rows.at(-1)
  if (!last || rows.length < page.size) return { rows: orderTies(rows) }
  const at = last.submitted_text
  const before = rows.filter((row) => row.submitted_text !== at)
  const sameInstant = await findResponsesAt(db, survey, { filter: page.filter, at })
  return { rows: [...orderTies(before), ...sameInstant], next: at }
}

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
  let after: string | undefined = '-infinity'
  while (after !== undefined) {
    const page = await readPage(db, survey, { filter, after, size })
    for (const row of page.rows) yield toResponseRow(row)
    after = page.next
  }
}
