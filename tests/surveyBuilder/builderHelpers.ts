import type { Queryable } from '../../server/db/database'
import type { WorkingCopy } from '../../server/surveyBuilder/model/workingCopy'
import { findBuilderSurvey } from '../../server/surveyBuilder/store/builderQueries'
import { csrfTokenIn } from '../helpers/respondent'
import type { Agent } from '../helpers/officers'

/** Posts a builder form as a browser does: the page first, for its CSRF token. */
export async function submit(
  agent: Agent,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
) {
  const shown = await agent.get(page)
  if (shown.status !== 200) throw new Error(`${page} gave ${shown.status}`)
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfTokenIn(shown.text) })
}

/** The working copy as stored now (the newest version while nothing is changed). */
export async function copyOf(db: Queryable, organisationId: string, slug: string): Promise<WorkingCopy> {
  const survey = await findBuilderSurvey(db, organisationId, slug)
  if (!survey) throw new Error(`No survey ${slug}`)
  return survey.copy
}

export async function countIn(db: Queryable, table: string, where = 'true'): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${table} WHERE ${where}`,
  )
  return rows[0]?.count ?? 0
}

/** Every row the builder could write, to prove a refused action wrote none. */
export async function snapshot(db: Queryable): Promise<string> {
  const copies = await db.query(
    'SELECT survey_id, definition, words FROM survey_working_copies ORDER BY survey_id',
  )
  const versions = await db.query(
    'SELECT survey_id, version, definition, words FROM survey_versions ORDER BY survey_id, version',
  )
  const surveys = await db.query('SELECT id, slug, status FROM surveys ORDER BY id')
  return JSON.stringify({ copies, versions, surveys })
}
