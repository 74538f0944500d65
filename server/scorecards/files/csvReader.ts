import { CsvError, parse } from 'csv-parse/sync'

/**
 * CSV as RFC 4180 defines it, read by csv-parse leniently enough for files saved by spreadsheets and
 * other tools: records ended by CRLF, LF or a lone CR (older Mac spreadsheets), a leading UTF-8
 * byte-order mark ignored, a quote inside an unquoted field kept as it is, rows of any length, and
 * empty lines at the end dropped. Empty lines elsewhere are kept as records of one empty field, so a
 * record's place in `rows` is its row in a spreadsheet. A quote never closed is reported with the
 * line its record starts on.
 */
export type CsvReading = { rows: string[][] } | { error: 'unclosed-quote'; line: number }

const isEmptyLine = (row: readonly string[] | undefined) => row?.length === 1 && row[0] === ''

/** Line breaks inside a record's fields, each CRLF, LF or lone CR counted once. */
const breaksIn = (record: readonly string[]): number =>
  record.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0)

export function readCsv(text: string): CsvReading {
  const rows: string[][] = []
  try {
    parse(text, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Kept as they come, so the records read before a failure are known.
      on_record: (record: string[]) => {
        rows.push(record)
        return null
      },
    })
  } catch (error: unknown) {
    if (!(error instanceof CsvError) || error.code !== 'CSV_QUOTE_NOT_CLOSED') throw error
    // Each record read so far took one line for its end and one for each break inside a field.
    return { error: 'unclosed-quote', line: rows.reduce((line, row) => line + 1 + breaksIn(row), 1) }
  }
  while (isEmptyLine(rows.at(-1))) rows.pop()
  return { rows }
}
