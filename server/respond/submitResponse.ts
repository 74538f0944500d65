import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import { findSurveyVersion } from '../surveys/queries'
import { Journey, type Answers } from './journey'
import { findResponseReferenceByDraft } from './queries'
import { newReference } from './reference'

export type SubmitOutcome =
  | { kind: 'submitted' | 'already-submitted'; reference: string }
  | { kind: 'incomplete' }
  | { kind: 'no-draft' }

interface SurveyKey {
  organisationId: string
  surveyId: string
}

/**
 * Turns a complete draft into exactly one response. The draft row is locked so concurrent submits of
 * the same draft queue up; the unique key on responses.draft_id makes a second insert impossible even
 * so; and the draft is deleted in the same transaction, so its answers are never held twice.
 */
export async function submitResponse(
  db: Database,
  survey: SurveyKey,
  draftId: string,
): Promise<SubmitOutcome> {
  return db.transaction(async (tx) => {
    const drafts = await tx.query<{ version: number; language: string; answers: Answers }>(
      `SELECT version, language, answers FROM drafts
        WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now() FOR UPDATE`,
      [survey.organisationId, survey.surveyId, draftId],
    )
    const draft = drafts[0]
    if (!draft) {
      const reference = await findResponseReferenceByDraft(tx, survey, draftId)
      return reference ? { kind: 'already-submitted', reference } : { kind: 'no-draft' }
    }
    const definition = (await findSurveyVersion(tx, survey, draft.version))?.definition
    if (!definition || !new Journey(definition.questions, draft.answers).isComplete)
      return { kind: 'incomplete' }
    const answers = Object.fromEntries(definition.questions.map(({ id }) => [id, draft.answers[id] ?? null]))

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = newReference()
      const inserted = await tx.query(
        `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
        [
          survey.organisationId,
          randomUUID(),
          survey.surveyId,
          draft.version,
          draft.language,
          reference,
          draftId,
          JSON.stringify(answers),
        ],
      )
      if (inserted.length > 0) {
        await tx.query('DELETE FROM drafts WHERE organisation_id = $1 AND id = $2', [
          survey.organisationId,
          draftId,
        ])
        return { kind: 'submitted', reference }
      }
      const existing = await findResponseReferenceByDraft(tx, survey, draftId)
      if (existing) return { kind: 'already-submitted', reference: existing }
      // Otherwise the random reference was already taken in this organisation: draw another.
    }
    throw new Error('Could not find a free response reference')
  })
}
