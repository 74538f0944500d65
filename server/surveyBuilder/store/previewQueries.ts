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
