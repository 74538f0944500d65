import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import type { YouSaidWeDid } from '../model/types'

/** An entry as officers see it: with the survey it answers, if it says. */
export interface SurveyYouSaidWeDid extends YouSaidWeDid {
  surveyId: string | null
}

interface EntryRow {
  id: string
  you_said: string
  we_did: string
  created_at: Date
  survey_id: string | null
}

const entryFrom = (row: EntryRow): SurveyYouSaidWeDid => ({
  id: row.id,
  youSaid: row.you_said,
  weDid: row.we_did,
  createdAt: row.created_at.toISOString(),
  surveyId: row.survey_id,
})

export async function listYouSaidWeDid(db: Queryable, organisationId: string): Promise<SurveyYouSaidWeDid[]> {
  const rows = await db.query<EntryRow>(
    `SELECT id, you_said, we_did, created_at, survey_id FROM you_said_we_did
      WHERE organisation_id = $1 ORDER BY created_at DESC, id`,
    [organisationId],
  )
  return rows.map(entryFrom)
}

/** The newest entries about one survey, for its start page. */
export async function listYouSaidWeDidForSurvey(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  limit: number,
): Promise<SurveyYouSaidWeDid[]> {
  const rows = await db.query<EntryRow>(
    `SELECT id, you_said, we_did, created_at, survey_id FROM you_said_we_did
      WHERE organisation_id = $1 AND survey_id = $2 ORDER BY created_at DESC, id LIMIT $3`,
    [survey.organisationId, survey.surveyId, limit],
  )
  return rows.map(entryFrom)
}

export async function insertYouSaidWeDid(
  db: Queryable,
  entry: {
    organisationId: string
    youSaid: string
    weDid: string
    createdBy: string
    surveyId: string | null
  },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO you_said_we_did (organisation_id, id, you_said, we_did, created_by, survey_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organisation_id, md5(you_said), md5(we_did)) DO NOTHING RETURNING id`,
    [entry.organisationId, randomUUID(), entry.youSaid, entry.weDid, entry.createdBy, entry.surveyId],
  )
  return rows.length > 0
}

export async function deleteYouSaidWeDid(
  db: Queryable,
  organisationId: string,
  id: string,
): Promise<{ youSaid: string; weDid: string } | undefined> {
  const rows = await db.query<{ you_said: string; we_did: string }>(
    'DELETE FROM you_said_we_did WHERE organisation_id = $1 AND id = $2 RETURNING you_said, we_did',
    [organisationId, id],
  )
  return rows[0] && { youSaid: rows[0].you_said, weDid: rows[0].we_did }
}
