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

/** The six "I need" outcome statements, in English, in the template's order. */
export const iNeedStatements = [
  'I need to be listened to and heard.',
  'I need to be the healthiest I can be.',
  'I need to be safe and feel safe.',
  'I need to be accepted and valued by people I trust.',
  'I need to be prepared for my future.',
  'I need to enjoy life and have fun.',
] as const

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

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#34;': '"',
  '&#39;': "'",
}

/** What a piece of a page says, as a person reads it: no tags, entities decoded, white space single. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#34|#39);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim()
}

/** Every table row in a piece of a page, each cell (header or data) as its visible text. */
export function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      visibleText(cell[1] ?? ''),
    ),
  )
}

/** The row of a table whose first cell is exactly this, such as an indicator's number. */
export function rowStartingWith(html: string, first: string): string[] {
  const row = tableRows(html).find((cells) => cells[0] === first)
  if (!row) throw new Error(`No row starting with ${first}`)
  return row
}

/** The form control posting this value under this name, as its opening tag. */
export function inputTag(html: string, name: string, value: string): string {
  const tag = html
    .match(/<input\b[^>]*>/g)
    ?.find((each) => each.includes(` name="${name}"`) && each.includes(` value="${value}"`))
  if (!tag) throw new Error(`No ${name} control with the value ${value}`)
  return tag
}

/** One indicator's section of a scorecard page, by its number written with hyphens (1-1 for 1.1). */
export function indicatorSection(html: string, handle: string): string {
  const start = html.indexOf(`aria-labelledby="indicator-${handle}"`)
  if (start < 0) throw new Error(`No section for indicator ${handle}`)
  return html.slice(start, html.indexOf('</section>', start))
}

/** The text of the page's main heading. */
export const mainHeading = (html: string): string =>
  visibleText(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')

/** Every link in a piece of a page, as its address and its visible text. */
export const linksIn = (html: string): [string, string][] =>
  [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((link) => [
    link[1] ?? '',
    visibleText(link[2] ?? ''),
  ])

/** The new-indicator form for an administrative percentage, as an analyst fills it in: 5.2, quarterly. */
export const administrativeIndicatorForm = (fields: Record<string, string> = {}): Record<string, string> => ({
  number: '5.2',
  wording: '% of new EHC plans issued within 20 weeks',
  outcome: 'prepared-future',
  kind: 'administrative',
  survey: '',
  unit: 'percentage',
  goodIs: 'up',
  frequency: 'quarterly',
  source: 'Council SEND team',
  dataOwner: 'Head of SEND',
  baselineValue: '',
  baselineDate: '',
  amberTolerance: '5',
  ...fields,
})
