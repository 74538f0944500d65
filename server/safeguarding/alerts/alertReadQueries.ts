import type { Queryable } from '../../db/database'

export type AlertStatus = 'open' | 'acknowledged' | 'closed'
export type AlertKind = 'help-request' | 'free-text'

export interface AlertSummary {
  id: string
  handle: string
  kind: AlertKind
  status: AlertStatus
  raisedAt: Date
  surveyTitle: string | null
}

export interface HelpRequest {
  name: string | null
  contactMethod: 'phone' | 'email' | 'school' | 'none'
  contactDetail: string | null
  school: string | null
  message: string | null
  answersMayBeSeen: boolean
}

export interface Alert extends AlertSummary {
  organisationId: string
  language: string
  surveyId: string | null
  responseId: string | null
  draftId: string | null
  reasons: unknown
  acknowledgedAt: Date | null
  acknowledgedBy: string | null
  closedAt: Date | null
  closedBy: string | null
  escalatedAt: Date | null
  helpRequest: HelpRequest | null
}

interface AlertRow {
  id: string
  handle: string
  kind: AlertKind
  status: AlertStatus
  raised_at: Date
  survey_title: string | null
}

// The survey's title in the reader's language from its newest version, English when it has none.
const surveyTitle = `(SELECT COALESCE(v.words -> $2 ->> 'title', v.words -> 'en' ->> 'title') FROM survey_versions v
                       WHERE v.organisation_id = a.organisation_id AND v.survey_id = a.survey_id
                       ORDER BY v.version DESC LIMIT 1) AS survey_title`

const toSummary = (row: AlertRow): AlertSummary => ({
  id: row.id,
  handle: row.handle,
  kind: row.kind,
  status: row.status,
  raisedAt: row.raised_at,
  surveyTitle: row.survey_title,
})

/** Open alerts first, then acknowledged, then closed; newest first within each. */
export async function listAlerts(
  db: Queryable,
  organisationId: string,
  language: string,
): Promise<AlertSummary[]> {
  const rows = await db.query<AlertRow>(
    `SELECT a.id, a.handle, a.kind, a.status, a.raised_at, ${surveyTitle}
       FROM safeguarding_alerts a
      WHERE a.organisation_id = $1
      ORDER BY CASE a.status WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END, a.raised_at DESC
      LIMIT 500`,
    [organisationId, language],
  )
  return rows.map(toSummary)
}

export async function countOpenAlerts(db: Queryable, organisationId: string): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM safeguarding_alerts WHERE organisation_id = $1 AND status = 'open'`,
    [organisationId],
  )
  return rows[0]?.count ?? 0
}

export async function findAlertByHandle(
  db: Queryable,
  key: { organisationId: string; handle: string },
  language: string,
): Promise<Alert | undefined> {
  const rows = await db.query<
    AlertRow & {
      organisation_id: string
      language: string
      survey_id: string | null
      response_id: string | null
      draft_id: string | null
      reasons: unknown
      acknowledged_at: Date | null
      acknowledged_by: string | null
      closed_at: Date | null
      closed_by: string | null
      escalated_at: Date | null
      contact_method: HelpRequest['contactMethod'] | null
      name: string | null
      contact_detail: string | null
      school: string | null
      message: string | null
      answers_may_be_seen: boolean | null
    }
  >(
    `SELECT a.*, ${surveyTitle}, h.name, h.contact_method, h.contact_detail, h.school, h.message,
            h.answers_may_be_seen
       FROM safeguarding_alerts a
       LEFT JOIN help_requests h ON h.organisation_id = a.organisation_id AND h.alert_id = a.id
      WHERE a.organisation_id = $1 AND a.handle = $3`,
    [key.organisationId, language, key.handle],
  )
  const row = rows[0]
  if (!row) return undefined
  return {
    ...toSummary(row),
    organisationId: row.organisation_id,
    language: row.language,
    surveyId: row.survey_id,
    responseId: row.response_id,
    draftId: row.draft_id,
    reasons: row.reasons,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    escalatedAt: row.escalated_at,
    helpRequest: row.contact_method
      ? {
          name: row.name,
          contactMethod: row.contact_method,
          contactDetail: row.contact_detail,
          school: row.school,
          message: row.message,
          answersMayBeSeen: row.answers_may_be_seen ?? false,
        }
      : null,
  }
}

export interface AlertNote {
  actor: string
  note: string
  writtenAt: Date
}

export async function listAlertNotes(
  db: Queryable,
  key: { organisationId: string; alertId: string },
): Promise<AlertNote[]> {
  const rows = await db.query<{ actor: string; note: string; written_at: Date }>(
    `SELECT actor, note, written_at FROM safeguarding_alert_notes
      WHERE organisation_id = $1 AND alert_id = $2 ORDER BY written_at, id`,
    [key.organisationId, key.alertId],
  )
  return rows.map((row) => ({ actor: row.actor, note: row.note, writtenAt: row.written_at }))
}

/**
 * The answers a young person allowed to be seen with their help request: the response their draft
 * became (counted or held for review), or the draft itself if they never sent it.
 */
export async function findAnswersOfDraft(
  db: Queryable,
  key: { organisationId: string; draftId: string },
): Promise<
  { surveyId: string; version: number; answers: Record<string, unknown>; sent: boolean } | undefined
> {
  const rows = await db.query<{
    survey_id: string
    version: number
    answers: Record<string, unknown>
    sent: boolean
  }>(
    `SELECT survey_id, version, answers, true AS sent, 0 AS rank FROM responses
      WHERE organisation_id = $1 AND draft_id = draft_key($2::uuid)
     UNION ALL
     SELECT survey_id, version, answers, true, 1 FROM held_responses
      WHERE organisation_id = $1 AND draft_id = draft_key($2::uuid)
     UNION ALL
     SELECT survey_id, version, answers, false, 2 FROM drafts
      WHERE organisation_id = $1 AND id = $2
     ORDER BY rank LIMIT 1`,
    [key.organisationId, key.draftId],
  )
  const row = rows[0]
  return row
    ? { surveyId: row.survey_id, version: row.version, answers: row.answers, sent: row.sent }
    : undefined
}
