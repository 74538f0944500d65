import type { Queryable } from '../db/database'
import type { IndicatorFact, PartFact } from '../scorecards/model/types'
import { listFactsOfDeletedResponses } from './queries'

const periodOf = (fact: IndicatorFact) => `${fact.indicatorId}\u0000${fact.period}`

/**
 * Recounted facts, plus the facts already held for surveys whose responses were deleted after their
 * retention period. Those stay as they were counted: the responses behind them are gone (or going, a
 * batch at a time), so a recount would shrink or drop them. Only periods with no fact yet are added
 * from the recount, which is what a survey reopened after the sweep collects.
 */
export async function withFactsOfDeletedResponses(
  db: Queryable,
  organisationId: string,
  recounted: readonly (IndicatorFact | PartFact)[],
): Promise<(IndicatorFact | PartFact)[]> {
  const kept: (IndicatorFact | PartFact)[] = (await listFactsOfDeletedResponses(db, organisationId)).map(
    ({ part, ...fact }) => (part === '' ? fact : { ...fact, questionId: part }),
  )
  if (kept.length === 0) return [...recounted]
  // A period with kept facts is taken whole from them, pooled parts included, never mixed with a recount.
  const keptPeriods = new Set(kept.map(periodOf))
  return [...kept, ...recounted.filter((fact) => !keptPeriods.has(periodOf(fact)))]
}
