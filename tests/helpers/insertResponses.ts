import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/db/database'

/** Submitted responses written straight to the table, for tests about reading them. */
export async function insertResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  responses: { answers: Record<string, unknown>; language?: string; submittedAt?: Date; version?: number }[],
): Promise<string[]> {
  const ids: string[] = []
  for (const [index, response] of responses.entries()) {
    const id = randomUUID()
    ids.push(id)
    await db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        survey.organisationId,
        id,
        survey.surveyId,
        response.version ?? 1,
        response.language ?? 'en',
        `T${String(index).padStart(3, '0')}-${id.slice(0, 4).toUpperCase()}`,
        randomUUID(),
        JSON.stringify(response.answers),
        response.submittedAt ?? new Date(Date.UTC(2026, 9, 1 + (index % 28), 12)),
      ],
    )
  }
  return ids
}
