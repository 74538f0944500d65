import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'

export interface GroupSession {
  id: string
  code: string
  label: string | null
  createdBy: string
  createdAt: Date
  expiresAt: Date
  /** On shared devices: the minutes a device may sit idle before it resets. */
  sharedDevices: { idleMinutes: number } | undefined
}

interface GroupSessionRow {
  id: string
  code: string
  label: string | null
  created_by: string
  created_at: Date
  expires_at: Date
  shared_devices: boolean
  idle_minutes: number
}

const columns = 'id, code, label, created_by, created_at, expires_at, shared_devices, idle_minutes'

const toGroupSession = (row: GroupSessionRow): GroupSession => ({
  id: row.id,
  code: row.code,
  label: row.label,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  sharedDevices: row.shared_devices ? { idleMinutes: row.idle_minutes } : undefined,
})

interface SurveyKey {
  organisationId: string
  surveyId: string
}

/** The survey's session with this code, if it is open at this time. */
export async function findOpenGroupSession(
  db: Queryable,
  survey: SurveyKey,
  options: { code: string; now: Date },
): Promise<GroupSession | undefined> {
  const rows = await db.query<GroupSessionRow>(
    `SELECT ${columns} FROM group_sessions
      WHERE organisation_id = $1 AND survey_id = $2 AND code = $3 AND expires_at > $4`,
    [survey.organisationId, survey.surveyId, options.code, options.now],
  )
  return rows[0] ? toGroupSession(rows[0]) : undefined
}

/** Whether the draft's group session is still open: its lift ends when the session does. */
export async function isGroupSessionOpen(
  db: Queryable,
  organisationId: string,
  options: { id: string; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM group_sessions WHERE organisation_id = $1 AND id = $2 AND expires_at > $3',
    [organisationId, options.id, options.now],
  )
  return rows.length > 0
}

export async function listOpenGroupSessions(
  db: Queryable,
  survey: SurveyKey,
  now: Date,
): Promise<GroupSession[]> {
  const rows = await db.query<GroupSessionRow>(
    `SELECT ${columns} FROM group_sessions
      WHERE organisation_id = $1 AND survey_id = $2 AND expires_at > $3 ORDER BY created_at, code`,
    [survey.organisationId, survey.surveyId, now],
  )
  return rows.map(toGroupSession)
}

/** A new session; undefined when the random code is already taken (the caller draws another). */
export async function insertGroupSession(
  db: Queryable,
  survey: SurveyKey,
  session: {
    code: string
    label: string | null
    createdBy: string
    createdAt: Date
    expiresAt: Date
    /** On shared devices, and after how many idle minutes each one resets (device/). */
    sharedDevices?: { idleMinutes: number }
  },
): Promise<GroupSession | undefined> {
  const rows = await db.query<GroupSessionRow>(
    `INSERT INTO group_sessions (organisation_id, id, survey_id, code, label, created_by, created_at, expires_at,
                                 shared_devices, idle_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, 3)) ON CONFLICT (code) DO NOTHING RETURNING ${columns}`,
    [
      survey.organisationId,
      randomUUID(),
      survey.surveyId,
      session.code,
      session.label,
      session.createdBy,
      session.createdAt,
      session.expiresAt,
      session.sharedDevices !== undefined,
      session.sharedDevices?.idleMinutes ?? null,
    ],
  )
  return rows[0] ? toGroupSession(rows[0]) : undefined
}

/** Ends an open session now. Returns the session ended, or undefined if it was not open. */
export async function endGroupSession(
  db: Queryable,
  survey: SurveyKey,
  options: { code: string; now: Date; endedBy: string },
): Promise<GroupSession | undefined> {
  const rows = await db.query<GroupSessionRow>(
    `UPDATE group_sessions SET expires_at = $4, ended_early_by = $5
      WHERE organisation_id = $1 AND survey_id = $2 AND code = $3 AND expires_at > $4
      RETURNING ${columns}`,
    [survey.organisationId, survey.surveyId, options.code, options.now, options.endedBy],
  )
  return rows[0] ? toGroupSession(rows[0]) : undefined
}

/**
 * Marks a draft started before its respondent had the group's code, so the session lifts the limits
 * for it too. A draft already in a session keeps it.
 */
export async function joinGroupSession(
  db: Queryable,
  draft: { organisationId: string; id: string },
  groupSessionId: string,
): Promise<void> {
  await db.query(
    `UPDATE drafts SET group_session_id = $3
      WHERE organisation_id = $1 AND id = $2 AND group_session_id IS NULL`,
    [draft.organisationId, draft.id, groupSessionId],
  )
}
