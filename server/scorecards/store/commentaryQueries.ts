import type { Queryable } from '../../db/database'
import type { CommentaryByIndicator } from '../model/types'

export async function listCommentary(db: Queryable, organisationId: string): Promise<CommentaryByIndicator> {
  const rows = await db.query<{ indicator_id: string; period: string; commentary: string }>(
    'SELECT indicator_id, period, commentary FROM indicator_commentary WHERE organisation_id = $1',
    [organisationId],
  )
  const byIndicator: CommentaryByIndicator = new Map()
  for (const row of rows) {
    const periods = byIndicator.get(row.indicator_id) ?? new Map<string, string>()
    periods.set(row.period, row.commentary)
    byIndicator.set(row.indicator_id, periods)
  }
  return byIndicator
}

/** Sets or clears (empty text) the commentary for one indicator and period. */
export async function saveCommentary(
  db: Queryable,
  key: { organisationId: string; indicatorId: string; period: string },
  commentary: string,
): Promise<void> {
  const values = [key.organisationId, key.indicatorId, key.period]
  if (commentary === '') {
    await db.query(
      'DELETE FROM indicator_commentary WHERE organisation_id = $1 AND indicator_id = $2 AND period = $3',
      values,
    )
    return
  }
  await db.query(
    `INSERT INTO indicator_commentary (organisation_id, indicator_id, period, commentary) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, indicator_id, period) DO UPDATE SET commentary = $4, updated_at = now()`,
    [...values, commentary],
  )
}
