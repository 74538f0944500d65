import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import type { Queryable } from '../db/database'
import { waitForDrain } from './outputStream'
import { openResponsesTable, type ResponsesExport, type ResponsesTable } from './responsesTable'

// A line break inside a cell is LF in a workbook; a CR would be lost when the XML is read anyway.
const toWorkbookText = (text: string): string => text.replace(/\r\n?/g, '\n')

// How many rows go into the workbook between pauses for the compressor and the output to catch up.
const rowsBetweenPauses = 100

/**
 * exceljs hands the sheet's XML to its zip compressor without waiting for it, so the export pauses
 * now and then: for the output to drain, and for a turn of the event loop, in which the compressor
 * (working on other threads) takes what it has been given. Without this, a fast reader and a
 * database that answers at once could pile up the whole sheet in memory ahead of the compressor.
 */
async function letWorkbookCatchUp(output: Writable): Promise<void> {
  await waitForDrain(output)
  await nextTurn()
}

function writeNotesSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, notes: ResponsesTable['notesSheet']) {
  const sheet = workbook.addWorksheet(notes.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [{ width: 24 }, { width: 48 }, { width: 18 }, { width: 80 }]
  const headingRow = sheet.addRow(notes.headings.map(toWorkbookText))
  headingRow.font = { bold: true }
  headingRow.commit()
  for (const cells of notes.rows) {
    const row = sheet.addRow(cells.map(toWorkbookText))
    row.alignment = { wrapText: true, vertical: 'top' }
    row.commit()
  }
  sheet.commit()
}

/**
 * Streams a survey's responses as an XLSX workbook into the output and ends it; resolves with how
 * many responses were written. The first sheet holds the responses, its heading row bold and in
 * view when scrolling; the second lists every question with the versions that asked it and what
 * changed between them.
 *
 * Every cell is a string cell, so nothing in it can be a formula; the cells still carry the same
 * leading apostrophe as the CSV, so a value copied out of the sheet stays harmless. Numbers such
 * as the version stay text too: the export is one table of words, and a cell that is a number in
 * one row and text in the next would sort and filter oddly.
 */
export async function writeResponsesXlsx(
  db: Queryable,
  options: ResponsesExport,
  output: Writable,
): Promise<number> {
  const table = await openResponsesTable(db, options)
  // Inline strings rather than a shared-strings table, which would hold every answer in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  })
  // exceljs waits for the output to finish, which a closed output never does: watching for the
  // close as well makes a download given up half-way fail instead of waiting for ever.
  const outputDone = finished(output)
  outputDone.catch(() => undefined)
  let count = 0
  try {
    const sheet = workbook.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = table.headings.map(() => ({ width: 24 }))
    const headingRow = sheet.addRow(table.headings.map(toWorkbookText))
    headingRow.font = { bold: true }
    headingRow.commit()
    for await (const cells of table.rows) {
      sheet.addRow(cells.map(toWorkbookText)).commit()
      count += 1
      if (count % rowsBetweenPauses === 0) await letWorkbookCatchUp(output)
    }
    sheet.commit()
    writeNotesSheet(workbook, table.notesSheet)
    await Promise.all([workbook.commit(), outputDone])
  } catch (error) {
    output.destroy()
    throw error
  }
  return count
}
