import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import ExcelJS from 'exceljs'
import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { toSpreadsheetCell } from '../../exports/spreadsheetCell'
import { periodLabel } from '../model/periodLabel'
import { scorecardTableRows, type ScorecardCell } from './scorecardTable'
import type { Frequency, Scorecard } from '../model/types'

// A line break inside a cell is LF in a workbook; a CR would be lost when the XML is read anyway.
const toWorkbookText = (text: string): string => toSpreadsheetCell(text.replace(/\r\n?/g, '\n'))

/**
 * Figures stay numbers, so they sum, sort and chart in the spreadsheet; words are text cells with
 * the same leading apostrophe as the CSV; nothing becomes an empty cell.
 */
const workbookCell = (cell: ScorecardCell): string | number | null =>
  typeof cell === 'string' ? toWorkbookText(cell) : cell

// The About sheet is in English whatever the reader's language, as its other labels are.
const asAtLabels: Record<Frequency, string> = {
  monthly: 'Scorecard month',
  quarterly: 'Scorecard quarter',
  termly: 'Scorecard term',
  'six-monthly': 'Scorecard half-year',
  annual: 'Scorecard year',
}

/** What the sheet is for: whose scorecard, which period, what is withheld, how fresh it is. */
function aboutLines(scorecard: Scorecard, t: Translate, language: LanguageCode): string[][] {
  const { asAt } = scorecard
  return [
    ['Organisation', scorecard.organisation.name],
    [asAtLabels[asAt.frequency], `${asAt.key} (${periodLabel(asAt, t, language)})`],
    ['Threshold', `Counts below ${scorecard.threshold} are withheld`],
    ['Figures computed', scorecard.computedAt ?? 'Not computed yet'],
  ]
}

/**
 * Writes a scorecard as an XLSX workbook into the output and ends it: a "Scorecard" sheet with the
 * same lines as the CSV, under a bold heading row that stays in view, and an "About" sheet. A
 * scorecard is a few hundred lines at most, so the workbook is built whole and written at once.
 */
export async function writeScorecardXlsx(
  scorecard: Scorecard,
  t: Translate,
  language: LanguageCode,
  out: Writable,
): Promise<void> {
  const { headings, rows } = scorecardTableRows(scorecard, t, language)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Scorecard', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headings.map(() => ({ width: 18 }))
  sheet.addRow(headings.map(toWorkbookText)).font = { bold: true }
  for (const row of rows) sheet.addRow(row.map(workbookCell))
  const about = workbook.addWorksheet('About')
  about.columns = [{ width: 20 }, { width: 60 }]
  for (const line of aboutLines(scorecard, t, language)) about.addRow(line.map(toWorkbookText))
  about.getColumn(1).font = { bold: true }
  try {
    const bytes = await workbook.xlsx.writeBuffer()
    out.end(Buffer.from(bytes))
    await finished(out)
  } catch (error) {
    out.destroy()
    throw error
  }
}
