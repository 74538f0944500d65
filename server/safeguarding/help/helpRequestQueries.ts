import type { Queryable } from '../../db/database'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

/**
 * Whether this draft id has answers a safeguarding officer could look at: a live draft, or the
 * response (counted or held for review) it became.
 */
export async function hasAnswersForDraft(
  db: Queryable,
  survey: SurveyKey,
  draftId: string,
): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM drafts
                     WHERE organisation_id = $1 AND survey_id = $2 AND id = $3 AND expires_at > now())
         OR EXISTS (SELECT 1 FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid))
         OR EXISTS (SELECT 1 FROM held_responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid))
         AS found`,
    [survey.organisationId, survey.surveyId, draftId],
  )
  return rows[0]?.found === true
}

/** Whether the response this draft became raised a free-text alert (the thank-you page then signposts help). */
export async function hasFreeTextAlertForDraft(
  db: Queryable,
  survey: SurveyKey,
  draftId: string,
): Promise<boolean> {
  const rows = await db.query<{ found: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM safeguarding_alerts a
        WHERE a.organisation_id = $1 AND a.survey_id = $2 AND a.kind = 'free-text'
          AND a.response_id IN (
            SELECT id FROM responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid)
            UNION ALL
            SELECT id FROM held_responses WHERE organisation_id = $1 AND survey_id = $2 AND draft_id = draft_key($3::uuid))
     ) AS found`,
    [survey.organisationId, survey.surveyId, draftId],
  )
  return rows[0]?.found === true
}

export interface FormKeyUse {
  organisationId: string
  formKey: string
  clientKey: string
  browserKey: string
  sentAt: Date
}

/** Claims a form's one-time key; false when a help request was already sent with it. */
export async function claimFormKey(tx: Queryable, use: FormKeyUse): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO help_request_keys (organisation_id, form_key, client_key, browser_key, sent_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING form_key`,
    [use.organisationId, use.formKey, use.clientKey, use.browserKey, use.sentAt],
  )
  return rows.length > 0
}

/** Help requests sent from this address and from this browser since a time, not counting this one. */
export async function countRecentHelpRequests(
  tx: Queryable,
  use: FormKeyUse,
  since: Date,
): Promise<{ fromClient: number; fromBrowser: number }> {
  const rows = await tx.query<{ from_client: number; from_browser: number }>(
    `SELECT count(*) FILTER (WHERE client_key = $2)::integer AS from_client,
            count(*) FILTER (WHERE browser_key = $3)::integer AS from_browser
       FROM help_request_keys
      WHERE organisation_id = $1 AND (client_key = $2 OR browser_key = $3)
        AND sent_at > $4 AND form_key <> $5`,
    [use.organisationId, use.clientKey, use.browserKey, since, use.formKey],
  )
  return { fromClient: rows[0]?.from_client ?? 0, fromBrowser: rows[0]?.from_browser ?? 0 }
}

/** Keys are only needed for a day (double clicks, the hourly limit); older ones go. */
export async function deleteOldFormKeys(tx: Queryable, organisationId: string, before: Date): Promise<void> {
  await tx.query(`DELETE FROM help_request_keys WHERE organisation_id = $1 AND sent_at < $2`, [
    organisationId,
    before,
  ])
}
