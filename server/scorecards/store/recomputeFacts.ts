import type { Database } from '../../db/database'
import { withFactsOfDeletedResponses } from '../../retention/keptFacts'
import { listAdministrativeFacts, lockFactsOf, replaceFacts } from './factQueries'
import { listIndicators, listOrganisationsWithIndicators } from './indicatorQueries'
import { countRatings } from './ratingCubeQueries'
import { surveyFactsFor } from '../model/surveyFacts'
import type { Indicator, IndicatorFact, PartFact } from '../model/types'

function bySurvey(indicators: readonly Indicator[]): Map<string, Indicator[]> {
  const groups = new Map<string, Indicator[]>()
  for (const indicator of indicators) {
    if (!indicator.survey) continue
    const group = groups.get(indicator.survey.id) ?? []
    group.push(indicator)
    groups.set(indicator.survey.id, group)
  }
  return groups
}

/** Deletes and inserts one slice of facts in one transaction, so doing it twice leaves the same rows. */
async function replaceSlice(
  db: Database,
  organisationId: string,
  slice: { indicatorIds: string[]; facts: (IndicatorFact | PartFact)[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await lockFactsOf(tx, organisationId)
    await replaceFacts(tx, organisationId, slice.indicatorIds, slice.facts)
  })
}

/** The administrative indicators' facts: their entered figures, as they stand. */
async function administrativeSlice(db: Database, organisationId: string, indicators: readonly Indicator[]) {
  const indicatorIds = indicators.filter((each) => each.kind === 'administrative').map((each) => each.id)
  const wanted = new Set(indicatorIds)
  const facts = (await listAdministrativeFacts(db, organisationId)).filter((fact) =>
    wanted.has(fact.indicatorId),
  )
  return { indicatorIds, facts }
}

/**
 * Recomputes every indicator fact of an organisation from its responses and administrative values:
 * one counting pass per survey, then the organisation's facts deleted and inserted again in one
 * transaction. Running it twice leaves the same rows.
 */
export async function recomputeFacts(
  db: Database,
  organisationId: string,
  progress: {
    /** Told after each survey is counted and after the facts are written. */
    onStep?: (done: number, total: number) => Promise<void>
    /** Steps the caller takes after this, so the total covers the whole of its work. */
    extraSteps?: number
  } = {},
): Promise<{ facts: number }> {
  const indicators = await listIndicators(db, organisationId)
  const facts: (IndicatorFact | PartFact)[] = []
  const surveys = bySurvey(indicators)
  const total = surveys.size + 1 + (progress.extraSteps ?? 0)
  let done = 0
  await progress.onStep?.(done, total)
  for (const [surveyId, group] of surveys) {
    const countings = group.map((indicator) => indicator.survey?.counting)
    const cells = await countRatings(db, {
      organisationId,
      surveyId,
      questions: [...new Set(countings.flatMap((counting) => counting?.questions ?? []))],
      aboutYouKeys: [...new Set(countings.flatMap((counting) => Object.keys(counting?.aboutYou ?? {})))],
    })
    for (const indicator of group) facts.push(...surveyFactsFor(indicator, cells))
    await progress.onStep?.((done += 1), total)
  }
  // Responses deleted after their retention period leave their facts behind, unchanged.
  const kept = await withFactsOfDeletedResponses(db, organisationId, facts)
  kept.push(...(await administrativeSlice(db, organisationId, indicators)).facts)
  await replaceSlice(db, organisationId, {
    indicatorIds: indicators.map((indicator) => indicator.id),
    facts: kept,
  })
  await progress.onStep?.((done += 1), total)
  return { facts: kept.length }
}

/**
 * Only the administrative indicators' facts, after figures are entered or imported: they need no
 * counting of responses, which at a million responses takes seconds.
 */
export async function refreshAdministrativeFacts(db: Database, organisationId: string): Promise<void> {
  await replaceSlice(
    db,
    organisationId,
    await administrativeSlice(db, organisationId, await listIndicators(db, organisationId)),
  )
}

/** Every organisation's facts, one organisation at a time: the hourly refresh behind the "Recalculate" button. */
export async function recomputeAllFacts(db: Database): Promise<{ organisations: number; facts: number }> {
  const organisations = await listOrganisationsWithIndicators(db)
  let facts = 0
  for (const organisationId of organisations) facts += (await recomputeFacts(db, organisationId)).facts
  return { organisations: organisations.length, facts }
}
