import type { Queryable } from '../../server/db/database'
import { paths } from '../../server/paths'
import type { PlannedResponse } from './insertResponses'
import { postForm, type Agent } from './officers'

/** The tables a scorecard keeps, and the audit log its downloads and publishing write to. */
export type ScorecardTable =
  | 'outcomes'
  | 'indicators'
  | 'indicator_targets'
  | 'administrative_values'
  | 'indicator_facts'
  | 'scorecard_snapshots'
  | 'you_said_we_did'
  | 'audit_events'

export async function countScorecardRows(db: Queryable, table: ScorecardTable): Promise<number> {
  const rows = await db.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table}`)
  return rows[0]?.count ?? 0
}

/** Every row of a table as the database holds it, in a fixed order, to show nothing changed. */
export async function allRows(db: Queryable, table: ScorecardTable): Promise<unknown[]> {
  return db.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)
}

/** Presses "Start from the I need statements" on the framework page, as an analyst does. */
export async function startFrameworkFromTemplate(agent: Agent): Promise<void> {
  const done = await postForm(agent, paths.manage.scorecardFramework, paths.manage.scorecardTemplate)
  if (done.status !== 303) throw new Error(`Starting the framework gave ${done.status}`)
}

/** The importance statements of "What I need", one per "I need" outcome. */
export const importanceQuestions = [
  'listened-to',
  'healthiest',
  'safe',
  'accepted-valued',
  'prepared-future',
  'enjoy-life',
] as const

/**
 * `count` responses to "What I need" submitted at one moment, each rating every statement the same
 * way, so every outcome's indicator counts the same ratings.
 */
export function alikeResponses(
  count: number,
  answer: string,
  submittedAt: string,
  about: Record<string, string | null> = {},
): PlannedResponse[] {
  const ratings = Object.fromEntries(importanceQuestions.map((question) => [question, answer]))
  return Array.from({ length: count }, () => ({
    answers: { ...ratings, 'life-better': null, 'age-group': '12-15', helper: 'no', ...about },
    submittedAt,
  }))
}

/** A download's body as bytes, whatever its type. */
export const downloadBytes = (agent: Agent, path: string) =>
  agent
    .get(path)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        done(null, Buffer.concat(chunks))
      })
    })
