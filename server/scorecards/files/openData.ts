import type { Snapshot } from '../store/snapshotQueries'
import { commentaryId, textKey } from '../model/translations'
import type { TextSubject, Translations } from '../model/types'
import { openDataFormat, type ScorecardOpenData } from './openDataSchema'

/** One thing's translated fields by language: { cy: { wording: '...' } }, from the snapshot's keyed texts. */
function translationsOf<Field extends string>(
  translations: Translations,
  fields: Record<Field, [TextSubject, string] | null>,
): Partial<Record<'cy' | 'ur', Partial<Record<Field, string>>>> {
  const result: Partial<Record<'cy' | 'ur', Partial<Record<Field, string>>>> = {}
  for (const language of ['cy', 'ur'] as const)
    for (const [field, subject] of Object.entries(fields) as [Field, [TextSubject, string] | null][]) {
      const text = subject && translations[language]?.[textKey(...subject)]
      if (text === undefined || text === null) continue
      const inLanguage: Partial<Record<Field, string>> = result[language] ?? {}
      inLanguage[field] = text
      result[language] = inLanguage
    }
  return result
}

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
      outcome: group.outcome
        ? {
            id: group.outcome.slug,
            statement: group.outcome.statement,
            translations: translationsOf(content.translations, { statement: ['outcome', group.outcome.id] }),
          }
        : null,
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
        references: row.references,
        translations: translationsOf(content.translations, {
          wording: ['indicator', indicator.id],
          commentary:
            row.commentary === null ? null : ['commentary', commentaryId(indicator.id, row.period.key)],
        }),
        history: row.history,
      })),
    })),
    youSaidWeDid: content.youSaidWeDid.map(({ id, youSaid, weDid, createdAt }) => ({
      youSaid,
      weDid,
      createdAt,
      translations: translationsOf(content.translations, {
        youSaid: ['you-said', id],
        weDid: ['we-did', id],
      }),
    })),
  }
}
