import { csvByteOrderMark, formatCsvRecord } from '../../exports/csvFormat'
import { toSpreadsheetCell } from '../../exports/spreadsheetCell'
import type { Snapshot } from '../store/snapshotQueries'
import { referenceAreas, type RowReference } from '../model/types'

const headings = [
  'organisation',
  'outcome',
  'indicator',
  'wording',
  'kind',
  'unit',
  'good_is',
  'frequency',
  'period',
  'value',
  'denominator',
  'interval_lower',
  'interval_upper',
  'withheld',
  'first_published_in',
  'published_at',
  ...referenceAreas.flatMap((area) => [`${area}_value`, `${area}_comparison`]),
]

const figure = (value: number | null): string => (value === null ? '' : String(value))

/**
 * Every indicator value an organisation has published, over time: one record per indicator and
 * period, as it was first published (a later snapshot repeats earlier periods exactly as they were,
 * so the first is the one), with England's, the region's and statistical neighbours' figures for
 * the period where they were published and how the local figure compared (codes as in the JSON).
 * Withheld figures are empty with `withheld` true. Headings and codes are
 * fixed English words, for programs to read; words typed by officers are neutralised as in every CSV.
 */
export function openDataCsv(snapshots: readonly Snapshot[]): string {
  // Comparison figures are published for a scorecard's own period, so they are found where it was current.
  const references = new Map<string, RowReference[]>()
  for (const { content } of snapshots)
    for (const group of content.groups)
      for (const row of group.rows) references.set(`${row.indicator.id}/${row.period.key}`, row.references)
  const seen = new Set<string>()
  const records: string[][] = []
  for (const snapshot of [...snapshots].sort((a, b) => a.period.localeCompare(b.period))) {
    const { content } = snapshot
    for (const group of content.groups)
      for (const { indicator, history } of group.rows)
        for (const fact of history) {
          const key = `${indicator.id}/${fact.period}`
          if (seen.has(key) || (!fact.suppressed && fact.value === null)) continue
          seen.add(key)
          records.push([
            content.organisation.slug,
            group.outcome?.slug ?? '',
            indicator.number,
            indicator.wording,
            indicator.kind,
            indicator.unit,
            indicator.goodIs,
            indicator.frequency,
            fact.period,
            figure(fact.value),
            figure(fact.suppressed ? null : fact.denominator),
            figure(fact.interval?.lower ?? null),
            figure(fact.interval?.upper ?? null),
            String(fact.suppressed),
            snapshot.period,
            snapshot.publishedAt.toISOString(),
            ...referenceAreas.flatMap((area) => {
              const reference = references.get(key)?.find((each) => each.area === area)
              return reference ? [String(reference.value), reference.comparison] : ['', '']
            }),
          ])
        }
  }
  records.sort(
    (a, b) =>
      (a[2] ?? '').localeCompare(b[2] ?? '', 'en', { numeric: true }) ||
      (a[8] ?? '').localeCompare(b[8] ?? ''),
  )
  return (
    csvByteOrderMark +
    [headings, ...records].map((record) => formatCsvRecord(record.map(toSpreadsheetCell))).join('')
  )
}
