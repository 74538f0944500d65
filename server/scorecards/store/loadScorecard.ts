import type { Queryable } from '../../db/database'
import { thresholdFrom } from '../../statistics/threshold'
import { londonToday } from '../../i18n/londonDates'
import { buildScorecard } from '../model/buildScorecard'
import { listCommentary } from './commentaryQueries'
import { lastComputedAt, listFacts } from './factQueries'
import { listIndicators } from './indicatorQueries'
import { listOutcomes } from './outcomeQueries'
import { listReferenceValues } from './referenceQueries'
import { listPublishedFacts } from './snapshotQueries'
import { listTranslations } from './translationQueries'
import type { Period, Scorecard } from '../model/types'
import { listYouSaidWeDid } from './youSaidWeDidQueries'

export interface ScorecardOrganisation {
  id: string
  name: string
  slug: string
  smallNumberThreshold: number
}

/** An organisation's scorecard for a period (or a month), from its stored facts: what every scorecard output shows. */
export async function loadScorecard(
  db: Queryable,
  organisation: ScorecardOrganisation,
  asAt: Period,
): Promise<Scorecard> {
  const organisationId = organisation.id
  const [
    outcomes,
    indicators,
    { facts, parts },
    published,
    commentary,
    youSaidWeDid,
    computedAt,
    references,
    translations,
  ] = await Promise.all([
    listOutcomes(db, organisationId),
    listIndicators(db, organisationId),
    listFacts(db, organisationId),
    listPublishedFacts(db, organisationId),
    listCommentary(db, organisationId),
    listYouSaidWeDid(db, organisationId),
    lastComputedAt(db, organisationId),
    listReferenceValues(db, organisationId),
    listTranslations(db, organisationId),
  ])
  return buildScorecard({
    organisation: { name: organisation.name, slug: organisation.slug },
    asAt,
    today: londonToday(),
    threshold: thresholdFrom(organisation.smallNumberThreshold),
    outcomes,
    indicators,
    facts,
    parts,
    published,
    commentary,
    youSaidWeDid,
    computedAt: computedAt ? computedAt.toISOString() : null,
    references,
    translations,
  })
}
