import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/db/database'
import { createJobHandlers } from '../../server/jobs/jobHandlers'
import type { TestApp } from '../helpers/testApp'

/** A clock a test sets by hand. */
export function frozenClock(start: string) {
  let now = new Date(start)
  return {
    clock: () => now,
    set(at: string) {
      now = new Date(at)
    },
  }
}

/** Runs the nightly job once, as the worker would, with the app's own job dependencies and clock. */
export async function runRetentionSweep(testApp: TestApp): Promise<void> {
  const handler = createJobHandlers(testApp.jobDependencies)['retention-sweep']
  if (!handler) throw new Error('No retention-sweep handler')
  await handler({})
}

export async function countWhere(db: Queryable, table: string, organisationId: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${table} WHERE organisation_id = $1`,
    [organisationId],
  )
  return row?.count ?? 0
}

/** Held responses (waiting outside every count), written straight to their table. */
export async function insertHeldResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  count: number,
  submittedAt: string,
): Promise<void> {
  await db.query(
    `INSERT INTO held_responses (organisation_id, id, survey_id, version, language, reference, draft_id,
                                 answers, submitted_at, held_at, hold_reasons)
     SELECT $1, gen_random_uuid(), $2, 1, 'en', 'H' || lpad(n::text, 3, '0') || '-' || upper(substr(md5(random()::text), 1, 4)),
            gen_random_uuid(), '{"life-better": "held words"}'::jsonb, $4, $4, ARRAY['too-fast']
       FROM generate_series(1, $3::integer) AS n`,
    [survey.organisationId, survey.surveyId, count, submittedAt],
  )
}

/** Drafts of a survey that expire at the given time. */
export async function insertDrafts(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  count: number,
  expiresAt: string,
): Promise<void> {
  await db.query(
    `INSERT INTO drafts (organisation_id, id, survey_id, version, language, answers, expires_at)
     SELECT $1, gen_random_uuid(), $2, 1, 'en', '{"life-better": "draft words"}'::jsonb, $4
       FROM generate_series(1, $3::integer)`,
    [survey.organisationId, survey.surveyId, count, expiresAt],
  )
}

/** A safeguarding alert from a help request, with a note and an email row, closed (or not) at a time. */
export async function insertAlert(
  db: Queryable,
  organisationId: string,
  options: { raisedAt: string; closedAt: string | null },
): Promise<string> {
  const id = randomUUID()
  await db.query(
    `INSERT INTO safeguarding_alerts (organisation_id, id, handle, kind, language, status, raised_at, closed_at, closed_by)
     VALUES ($1, $2, $3, 'help-request', 'en', $4, $5, $6, $7)`,
    [
      organisationId,
      id,
      id.replaceAll('-', '').slice(0, 16),
      options.closedAt ? 'closed' : 'open',
      options.raisedAt,
      options.closedAt,
      options.closedAt ? 'safeguarding@council.example' : null,
    ],
  )
  await db.query(
    `INSERT INTO help_requests (organisation_id, alert_id, name, contact_method, message)
     VALUES ($1, $2, 'Sam', 'none', 'Please can someone talk to me')`,
    [organisationId, id],
  )
  await db.query(
    `INSERT INTO safeguarding_alert_notes (organisation_id, alert_id, id, actor, note, written_at)
     VALUES ($1, $2, gen_random_uuid(), 'safeguarding@council.example', 'Called the school', $3)`,
    [organisationId, id, options.raisedAt],
  )
  await db.query(
    `INSERT INTO safeguarding_alert_emails (organisation_id, alert_id, officer_id, reason, created_at, sent_at)
     VALUES ($1, $2, gen_random_uuid(), 'alert', $3, $3)`,
    [organisationId, id, options.raisedAt],
  )
  return id
}

/** Limit-counting activity at a time. */
export async function insertActivity(
  db: Queryable,
  organisationId: string,
  count: number,
  occurredAt: string,
): Promise<void> {
  await db.query(
    `INSERT INTO response_activity (organisation_id, client_key, action, occurred_at)
     SELECT $1, 'client-key', 'start', $3 FROM generate_series(1, $2::integer)`,
    [organisationId, count, occurredAt],
  )
}

/** The details of each retention audit line of an organisation, oldest first. */
export async function retentionAudit(db: Queryable, organisationId: string) {
  return db.query<{ actor: string; details: Record<string, unknown> }>(
    `SELECT actor, details FROM audit_events
      WHERE organisation_id = $1 AND action = 'retention-deleted' ORDER BY occurred_at, id`,
    [organisationId],
  )
}
