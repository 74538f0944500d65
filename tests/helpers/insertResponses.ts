import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/db/database'

export interface PlannedResponse {
  answers: Record<string, unknown>
  language?: string
  /** A Date, or ISO 8601 with its offset so a test reads the same in any time zone. */
  submittedAt?: Date | string
  version?: number
}

/**
 * Submitted responses written straight to the table in one statement, however many: the journey is
 * tested elsewhere, and reading tests only need what is stored. Returns the new ids in order.
 */
export async function insertResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  responses: PlannedResponse[],
): Promise<string[]> {
  const rows = responses.map((response, index) => ({
    id: randomUUID(),
    version: response.version ?? 1,
    language: response.language ?? 'en',
    answers: response.answers,
    submittedAt: response.submittedAt ?? new Date(Date.UTC(2026, 9, 1 + (index % 28), 12)),
  }))
  await db.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, planned.id, $2, planned.version, planned.language, upper(left(planned.id::text, 8)),
            gen_random_uuid(), planned.answers, (planned."submittedAt" AT TIME ZONE 'Europe/London')::date
       FROM jsonb_to_recordset($3::jsonb)
         AS planned(id uuid, version integer, language text, answers jsonb, "submittedAt" timestamptz)`,
    [survey.organisationId, survey.surveyId, JSON.stringify(rows)],
  )
  return rows.map((row) => row.id)
}
