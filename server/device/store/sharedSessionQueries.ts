import type { Queryable } from '../../db/database'

export interface SharedSession {
  id: string
  code: string
  idleMinutes: number
}

/** An open group session of the survey that runs on shared devices. */
export async function findOpenSharedSession(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  options: { code: string; now: Date },
): Promise<SharedSession | undefined> {
  const rows = await db.query<{ id: string; code: string; idle_minutes: number }>(
    `SELECT id, code, idle_minutes FROM group_sessions
      WHERE organisation_id = $1 AND survey_id = $2 AND code = $3 AND expires_at > $4 AND shared_devices`,
    [survey.organisationId, survey.surveyId, options.code, options.now],
  )
  const row = rows[0]
  return row ? { id: row.id, code: row.code, idleMinutes: row.idle_minutes } : undefined
}
