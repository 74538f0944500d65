import { csvByteOrderMark, formatCsvRecord } from '../../exports/csvFormat'
import { toSpreadsheetCell } from '../../exports/spreadsheetCell'
import type { Snapshot } from '../store/snapshotQueries'

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
]

const figure = (value: number | null): string => (value === null ? '' : String(value))

/**
 * Every indicator value an organisation has published, over time: one record per indicator and
 * period, as it was first published (a later snapshot repeats earlier periods exactly as they were,
 * so the first is the one). Withheld figures are empty with `withheld` true. Headings and codes are
 * fixed English words, for programs to read; words typed by officers are neutralised as in every CSV.
 */
export function openDataCsv(snapshots: readonly Snapshot[]): string {
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
