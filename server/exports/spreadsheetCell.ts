/**
 * Spreadsheet programs run a cell that starts with one of these as a formula, even in a CSV file
 * (CWE-1236, "CSV injection"): `=HYPERLINK(...)` in a free-text answer could send an officer's
 * data to another site. Tab and carriage return are on the list because some programs skip them
 * and then read the formula behind.
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r'])

/** A plain number such as -5, +44, 3.5 or -0.25: safe as it is, and a number is what it means. */
const plainNumber = /^[+-]?\d+$|^[+-]?\d*\.\d+$/

// Control characters other than tab and line breaks mean nothing in a cell, and XML (so XLSX)
// cannot hold them at all: one of them makes Excel refuse the whole workbook.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g

/**
 * The text of one cell made safe to open in a spreadsheet: a leading apostrophe stops it being read
 * as a formula. Used for every cell, headings too, since question words are typed by officers.
 */
export function neutraliseCell(text: string): string {
  const first = text.charAt(0)
  if (!formulaStarts.has(first) || plainNumber.test(text)) return text
  return `'${text}`
}

/**
 * A cell as exports write it: control characters and broken surrogate pairs removed first, so
 * removing them can never uncover a formula, then neutralised. Free text is cleaned like this when
 * it is stored; this also covers anything stored before that rule, and officers' words.
 */
export function toSpreadsheetCell(text: string): string {
  return neutraliseCell(text.toWellFormed().replace(controlCharacters, ''))
}
