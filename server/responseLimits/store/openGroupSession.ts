import { recordAudit } from '../../audit/recordAudit'
import type { Database } from '../../db/database'
import { newGroupCode } from '../model/groupCode'
import { endGroupSession, insertGroupSession, type GroupSession } from './groupSessionQueries'

interface Officer {
  id: string
  email: string
  organisationId: string
}

interface SurveyRef {
  surveyId: string
  slug: string
}

/** Opens a session with a fresh code, and records who opened it, for how long, in the audit log. */
export async function openGroupSession(
  db: Database,
  input: {
    officer: Officer
    survey: SurveyRef
    label: string | null
    hours: number
    now: Date
    sharedDevices?: { idleMinutes: number }
  },
): Promise<GroupSession> {
  const { officer, survey, now } = input
  return db.transaction(async (tx) => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const session = await insertGroupSession(
        tx,
        { organisationId: officer.organisationId, surveyId: survey.surveyId },
        {
          code: newGroupCode(),
          label: input.label,
          createdBy: officer.email,
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.hours * 3_600_000),
          sharedDevices: input.sharedDevices,
        },
      )
      if (!session) continue
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'group-session-opened',
        subject: survey.slug,
        details: {
          code: session.code,
          hours: input.hours,
          label: session.label,
          ...(input.sharedDevices
            ? { sharedDevices: true, idleMinutes: input.sharedDevices.idleMinutes }
            : {}),
        },
      })
      return session
    }
    throw new Error('Could not find a free group session code')
  })
}

/** Ends an open session now; undefined when there is no open session with that code on this survey. */
export async function endGroupSessionEarly(
  db: Database,
  input: { officer: Officer; survey: SurveyRef; code: string; now: Date },
): Promise<GroupSession | undefined> {
  const { officer, survey } = input
  return db.transaction(async (tx) => {
    const ended = await endGroupSession(
      tx,
      { organisationId: officer.organisationId, surveyId: survey.surveyId },
      { code: input.code, now: input.now, endedBy: officer.email },
    )
    if (ended)
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'group-session-ended',
        subject: survey.slug,
        details: { code: ended.code },
      })
    return ended
  })
}
