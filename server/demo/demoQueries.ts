import type { Queryable } from '../db/database'

/** The demo is made only on an empty database: any organisation at all means it is not empty. */
export async function hasAnyOrganisation(tx: Queryable): Promise<boolean> {
  const organisations = await tx.query('SELECT 1 FROM organisations LIMIT 1')
  return organisations.length > 0
}

export async function insertOrganisation(
  tx: Queryable,
  organisation: { id: string; slug: string; name: string },
): Promise<void> {
  await tx.query('INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)', [
    organisation.id,
    organisation.slug,
    organisation.name,
  ])
}

/** The organisation's open surveys, oldest first, by its slug. */
export async function listOpenSurveySlugs(db: Queryable, organisationSlug: string): Promise<string[]> {
  const surveys = await db.query<{ slug: string }>(
    `SELECT s.slug FROM surveys s JOIN organisations o ON o.id = s.organisation_id
      WHERE o.slug = $1 AND s.status = 'open' ORDER BY s.created_at, s.slug`,
    [organisationSlug],
  )
  return surveys.map(({ slug }) => slug)
}

export async function makeSafeguardingContact(
  tx: Queryable,
  officer: { organisationId: string; id: string },
): Promise<void> {
  await tx.query('UPDATE officers SET safeguarding_contact = true WHERE organisation_id = $1 AND id = $2', [
    officer.organisationId,
    officer.id,
  ])
}

/** Settings seeded elsewhere win: only an empty list is filled. */
export async function fillEmptyLocalHelp(
  tx: Queryable,
  organisationId: string,
  help: unknown[],
): Promise<void> {
  await tx.query(
    `UPDATE organisations SET local_help = $2::jsonb WHERE id = $1 AND local_help = '[]'::jsonb`,
    [organisationId, JSON.stringify(help)],
  )
}

/** Inserts planned responses in one statement; each keeps only its London day, as a real one does. */
export async function insertPlannedResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  planned: readonly { reference: string; answers: Record<string, string | null>; submittedAt: string }[],
): Promise<void> {
  await db.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, gen_random_uuid(), $2, 1, 'en', planned.reference, gen_random_uuid(), planned.answers,
            (planned."submittedAt" AT TIME ZONE 'Europe/London')::date
       FROM jsonb_to_recordset($3::jsonb) AS planned(reference text, answers jsonb, "submittedAt" timestamptz)`,
    [survey.organisationId, survey.surveyId, JSON.stringify(planned)],
  )
}
