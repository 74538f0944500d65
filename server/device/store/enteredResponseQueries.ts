import type { Queryable } from '../../db/database'

/** The address of the officer who typed a response in (null once they are removed), and the survey's slug. */
export async function findEnteringOfficerAndSurvey(
  tx: Queryable,
  entered: { organisationId: string; surveyId: string; officerId: string },
): Promise<{ email: string | null; slug: string } | undefined> {
  const [row] = await tx.query<{ email: string | null; slug: string }>(
    `SELECT (SELECT email FROM officers WHERE organisation_id = $1 AND id = $3) AS email, s.slug
       FROM surveys s WHERE s.organisation_id = $1 AND s.id = $2`,
    [entered.organisationId, entered.surveyId, entered.officerId],
  )
  return row
}
