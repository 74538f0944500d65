import type { Writable } from 'node:stream'
import type { Queryable } from '../db/database'
import { csvByteOrderMark, formatCsvRecord } from './csvFormat'
import { endOutput, writeText } from './outputStream'
import { openResponsesTable, type ResponsesExport } from './responsesTable'

// Records are gathered into chunks of about this many characters: one write per response would
// send a 1,000,000-row download as a million tiny network packets.
const chunkCharacters = 64 * 1024

/**
 * Streams a survey's responses as CSV into the output and ends it; resolves with how many responses
 * were written. Throws NotFoundError before writing anything if there is no such survey. If it fails
 * part-way the output is destroyed, so a cut-off file is never mistaken for a whole one.
 */
export async function writeResponsesCsv(
  db: Queryable,
  options: ResponsesExport,
  output: Writable,
): Promise<number> {
  const table = await openResponsesTable(db, options)
  let count = 0
  try {
    let chunk = csvByteOrderMark + formatCsvRecord(table.headings)
    for await (const row of table.rows) {
      chunk += formatCsvRecord(row)
      count += 1
      if (chunk.length < chunkCharacters) continue
      await writeText(output, chunk)
      chunk = ''
    }
    await writeText(output, chunk)
    await endOutput(output)
  } catch (error) {
    output.destroy()
    throw error
  }
  return count
}
