import type { Queryable } from '../../db/database'

/** Deletes the drafts an officer's previews made: a preview keeps nothing once it ends. */
export async function deletePreviewDrafts(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  draftIds: string[],
): Promise<void> {
  if (draftIds.length === 0) return
  await db.query(
    'DELETE FROM drafts WHERE organisation_id = $1 AND survey_id = $2 AND id = ANY ($3::uuid[])',
    [survey.organisationId, survey.surveyId, draftIds],
  )
}

/** Marks a draft as a preview's, so it is never carried on or sent once the preview has gone. */
export async function markPreviewDraft(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  draftId: string,
): Promise<void> {
  await db.query(
    'UPDATE drafts SET preview = true WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND NOT preview',
    [survey.organisationId, survey.surveyId, draftId],
  )
}
