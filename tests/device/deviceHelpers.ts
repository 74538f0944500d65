import type { Queryable } from '../../server/db/database'
import { paths } from '../../server/paths'
import type { Respondent } from '../helpers/respondent'
import { statementsRated } from '../fixtures/whatINeedAnswers'

/** Every table, ours and the job queue's, whose rows hold this text anywhere. */
export async function tablesHolding(db: Queryable, text: string): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
  )
  const holding: string[] = []
  for (const { name } of tables) {
    // The names come from the catalogue, quoted by format('%I'), not from input.
    const rows = await db.query(`SELECT 1 FROM ${name} t WHERE t::text ILIKE $1 LIMIT 1`, [`%${text}%`])
    if (rows.length > 0) holding.push(name)
  }
  return holding
}

/** Every answer of the "What I need" survey, for a respondent who has started it. */
export const allWhatINeedAnswers = {
  ...statementsRated('important'),
  'life-better': 'More clubs after school',
  'age-group': '12-15',
  helper: 'no',
}

export const resumeLinkIn = (text: string): string | undefined =>
  /https?:\/\/\S+\/carry-on\/[A-Za-z0-9_-]{43}/.exec(text)?.[0]

/** The path of a link, for a supertest agent. */
export const pathOf = (link: string): string => new URL(link).pathname

export const emailLinkPath = (respondent: Respondent) =>
  paths.respond.emailLink(respondent.organisation, respondent.survey)

export const cookieNamed = (setCookie: string[] | string | undefined, name: string) =>
  [setCookie ?? []].flat().find((cookie) => cookie.startsWith(`${name}=`))
