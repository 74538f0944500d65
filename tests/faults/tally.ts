import { connectPglite } from '../../server/db/connectPglite'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import type { Sightings } from './respondents'

export interface CaseResult {
  name: string
  confirmed: number
  stored: number
  lost: number
  duplicated: number
  failures: string[]
  notes: string[]
}

/** Counts the confirmed references in the database: each must be there exactly once. */
export async function countStored(db: Database, confirmed: string[]) {
  const rows = await db.query<{ reference: string; copies: number }>(
    `SELECT reference, count(*)::integer AS copies FROM responses WHERE reference = ANY($1::text[]) GROUP BY reference`,
    [confirmed],
  )
  const stored = rows.length
  const duplicated =
    rows.reduce((sum, row) => sum + row.copies - 1, 0) + (confirmed.length - new Set(confirmed).size)
  return { stored, lost: new Set(confirmed).size - stored, duplicated }
}

/** Opens the case's database (after the server has stopped, for the embedded one) and counts. */
export async function tally(
  name: string,
  database: { dataDir: string } | { url: string },
  sightings: Sightings,
): Promise<CaseResult> {
  const db =
    'url' in database ? connectPostgres(database.url) : await connectPglite({ dataDir: database.dataDir })
  try {
    const counts = await countStored(db, sightings.confirmed)
    const seen = [...sightings.statuses].map(([status, times]) => `${status} x${times}`).join(', ')
    return {
      name,
      confirmed: sightings.confirmed.length,
      ...counts,
      failures: [],
      notes: [
        `errors seen: ${seen || 'none'}`,
        `steps retried: ${sightings.retries}`,
        `drafts lost: ${sightings.draftsLost}`,
      ],
    }
  } finally {
    await db.close()
  }
}

export function printResult(result: CaseResult): boolean {
  const { name, confirmed, stored, lost, duplicated, failures, notes } = result
  const passed = lost === 0 && duplicated === 0 && failures.length === 0
  process.stdout.write(
    `${passed ? 'PASS' : 'FAIL'} ${name}: confirmed ${confirmed}, stored ${stored}, lost ${lost}, duplicated ${duplicated}\n`,
  )
  for (const line of [...failures.map((failure) => `FAILED: ${failure}`), ...notes])
    process.stdout.write(`     ${line}\n`)
  return passed
}
