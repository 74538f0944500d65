import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../db/database'
import type { Outcome } from '../model/types'

export async function listOutcomes(db: Queryable, organisationId: string): Promise<Outcome[]> {
  return db.query<Outcome>(
    `SELECT id, slug, position, statement FROM outcomes WHERE organisation_id = $1 ORDER BY position, slug`,
    [organisationId],
  )
}

/** Adds outcome statements after the existing ones; a slug already there is left as it is. */
export async function insertOutcomes(
  db: Queryable,
  organisationId: string,
  outcomes: { slug: string; statement: string }[],
): Promise<void> {
  await db.query(
    `INSERT INTO outcomes (organisation_id, id, slug, position, statement)
     SELECT $1, gen_random_uuid(), added.slug,
            (SELECT coalesce(max(position), 0) FROM outcomes WHERE organisation_id = $1) + added.ordinality,
            added.statement
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS added(slug, statement, ordinality)
     ON CONFLICT (organisation_id, slug) DO NOTHING`,
    [organisationId, outcomes.map((outcome) => outcome.slug), outcomes.map((outcome) => outcome.statement)],
  )
}

export async function insertOutcome(
  db: Queryable,
  organisationId: string,
  outcome: { slug: string; statement: string },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO outcomes (organisation_id, id, slug, position, statement)
     VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM outcomes WHERE organisation_id = $1), $4)
     ON CONFLICT (organisation_id, slug) DO NOTHING RETURNING id`,
    [organisationId, randomUUID(), outcome.slug, outcome.statement],
  )
  return rows.length > 0
}

export async function updateOutcomeStatement(
  db: Queryable,
  organisationId: string,
  outcome: { slug: string; statement: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE outcomes SET statement = $3 WHERE organisation_id = $1 AND slug = $2 RETURNING id`,
    [organisationId, outcome.slug, outcome.statement],
  )
  return rows.length > 0
}
