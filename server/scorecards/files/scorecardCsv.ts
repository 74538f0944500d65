import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { csvByteOrderMark, formatCsvRecord } from '../../exports/csvFormat'
import { toSpreadsheetCell } from '../../exports/spreadsheetCell'
import { scorecardTableRows, type ScorecardCell } from './scorecardTable'
import type { Scorecard } from '../model/types'

const csvCell = (cell: ScorecardCell): string => toSpreadsheetCell(cell === null ? '' : String(cell))

/**
 * A scorecard as CSV: one record per indicator per period, in UTF-8 with a byte-order mark. Every
 * cell goes through the spreadsheet neutraliser, since wordings and commentary are typed by officers.
 */
export function scorecardCsv(scorecard: Scorecard, t: Translate, language: LanguageCode): string {
  const { headings, rows } = scorecardTableRows(scorecard, t, language)
  return csvByteOrderMark + [headings, ...rows].map((row) => formatCsvRecord(row.map(csvCell))).join('')
}
