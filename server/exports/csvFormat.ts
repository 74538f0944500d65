/**
 * CSV as RFC 4180 writes it, in UTF-8 with a byte-order mark: without the mark, Excel opens UTF-8
 * as the local code page and Welsh and Urdu words come out garbled.
 */
export const csvByteOrderMark = '\uFEFF'

const needsQuotes = /[",\r\n]/

/** One field: quoted when it holds a comma, quote or line break, with quotes inside doubled. */
export function formatCsvField(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, ended with CRLF as the RFC asks. */
export function formatCsvRecord(fields: readonly string[]): string {
  return `${fields.map(formatCsvField).join(',')}\r\n`
}
