import type { Queryable } from '../../server/db/database'
import type { StoredAnswer } from '../../server/surveys/questionTypes/contract'

export interface PlannedResponse {
  language: string
  /** ISO 8601 with its offset, so the test reads the same in any time zone. */
  submittedAt: string
  answers: Record<string, StoredAnswer>
  version?: number
}

/** `count` copies of one response. */
export const repeated = (count: number, response: PlannedResponse): PlannedResponse[] =>
  Array.from({ length: count }, () => response)

/**
 * Inserts responses straight into the table, in one statement however many, as if each had been
 * submitted: the journey is tested elsewhere, and results only read what is stored.
 */
export async function insertResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  responses: PlannedResponse[],
): Promise<void> {
  const rows = responses.map((response) => ({ ...response, version: response.version ?? 1 }))
  await db.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, gen_random_uuid(), $2, planned.version, planned.language, gen_random_uuid()::text,
            gen_random_uuid(), planned.answers, planned."submittedAt"
       FROM jsonb_to_recordset($3::jsonb)
         AS planned(version integer, language text, answers jsonb, "submittedAt" timestamptz)`,
    [survey.organisationId, survey.surveyId, JSON.stringify(rows)],
  )
}
