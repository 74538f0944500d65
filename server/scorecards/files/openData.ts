import type { Snapshot } from '../store/snapshotQueries'
import { openDataFormat, type ScorecardOpenData } from './openDataSchema'

/**
 * A published snapshot as open data: each indicator's definition and its figures by period, as
 * published (withheld figures are null with suppressed true). Internal ids are left out.
 */
export function openData(snapshot: Snapshot, addresses: { schema: string; page: string }): ScorecardOpenData {
  const { content } = snapshot
  return {
    $schema: addresses.schema,
    format: openDataFormat,
    organisation: content.organisation,
    quarter: content.asAt,
    publishedAt: snapshot.publishedAt.toISOString(),
    smallNumberThreshold: content.threshold,
    address: addresses.page,
    outcomes: content.groups.map((group) => ({
      outcome: group.outcome ? { id: group.outcome.slug, statement: group.outcome.statement } : null,
      indicators: group.rows.map(({ indicator, ...row }) => ({
        number: indicator.number,
        wording: indicator.wording,
        kind: indicator.kind,
        unit: indicator.unit,
        goodIs: indicator.goodIs,
        frequency: indicator.frequency,
        source: indicator.source,
        dataOwner: indicator.dataOwner,
        baseline: indicator.baseline,
        targets: indicator.targets,
        amberTolerance: indicator.amberTolerance,
        counting: indicator.survey ? { survey: indicator.survey.slug, ...indicator.survey.counting } : null,
        period: row.period,
        current: row.current,
        target: row.target,
        rag: row.rag,
        trend: row.trend,
        commentary: row.commentary,
        history: row.history,
      })),
    })),
    youSaidWeDid: content.youSaidWeDid.map(({ youSaid, weDid, createdAt }) => ({
      youSaid,
      weDid,
      createdAt,
    })),
  }
}
