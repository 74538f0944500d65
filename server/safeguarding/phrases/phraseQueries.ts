import type { Queryable } from '../../db/database'

/** The organisation's own phrases for these languages (none for a language still on the defaults). */
export async function listOwnPhrases(
  db: Queryable,
  organisationId: string,
  languages: readonly string[],
): Promise<{ language: string; phrase: string }[]> {
  return db.query<{ language: string; phrase: string }>(
    `SELECT language, phrase FROM safeguarding_phrases
      WHERE organisation_id = $1 AND language = ANY($2::text[])
      ORDER BY language, phrase`,
    [organisationId, languages],
  )
}

/** Serialises changes to one organisation's lists, so two admins' first changes copy the defaults once. */
export async function lockPhraseLists(tx: Queryable, organisationId: string): Promise<void> {
  await tx.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [organisationId])
}

export async function insertPhrases(
  tx: Queryable,
  list: { organisationId: string; language: string },
  phrases: readonly string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO safeguarding_phrases (organisation_id, language, phrase)
     SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [list.organisationId, list.language, phrases],
  )
}

export async function deletePhrase(
  tx: Queryable,
  list: { organisationId: string; language: string },
  phrase: string,
): Promise<number> {
  const rows = await tx.query(
    `DELETE FROM safeguarding_phrases WHERE organisation_id = $1 AND language = $2 AND phrase = $3
     RETURNING phrase`,
    [list.organisationId, list.language, phrase],
  )
  return rows.length
}
