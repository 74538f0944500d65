/**
 * CSV as RFC 4180 defines it, read leniently enough for files saved by spreadsheets and other tools:
 * fields split by commas, double-quoted fields with "" for a quote inside and commas or line breaks
 * kept, records ended by CRLF, LF or a lone CR (older Mac spreadsheets), a leading UTF-8 byte-order
 * mark ignored, and empty lines at the end dropped. A quote inside an unquoted field is kept as it is.
 * Empty lines elsewhere are kept as records of one empty field, so a record's place in `rows` is
 * its row in a spreadsheet.
 */
export type CsvReading = { rows: string[][] } | { error: 'unclosed-quote'; line: number }

const byteOrderMark = '\uFEFF'

const isEmptyLine = (row: readonly string[] | undefined) => row?.length === 1 && row[0] === ''

export function readCsv(text: string): CsvReading {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let atFieldStart = true
  let line = 1
  /** The line the open quote is on; 0 when outside quotes. */
  let quoteLine = 0

  for (let at = text.startsWith(byteOrderMark) ? 1 : 0; at < text.length; at += 1) {
    const char = text.charAt(at)
    const lineEnds = char === '\n' || (char === '\r' && text[at + 1] !== '\n')
    if (quoteLine > 0) {
      if (char !== '"') field += char
      else if (text[at + 1] === '"') {
        field += '"'
        at += 1
      } else quoteLine = 0
      if (lineEnds) line += 1
    } else if (char === '"' && atFieldStart) {
      quoteLine = line
      atFieldStart = false
    } else if (char === ',') {
      row.push(field)
      field = ''
      atFieldStart = true
    } else if (char === '\r' || char === '\n') {
      if (!lineEnds) at += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      atFieldStart = true
      line += 1
    } else {
      field += char
      atFieldStart = false
    }
  }
  if (quoteLine > 0) return { error: 'unclosed-quote', line: quoteLine }

  row.push(field)
  rows.push(row)
  while (isEmptyLine(rows.at(-1))) rows.pop()
  return { rows }
}
