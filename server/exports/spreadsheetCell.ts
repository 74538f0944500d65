/**
 * Spreadsheet programs run a cell that starts with one of these as a formula, even in a CSV file
 * (CWE-1236, "CSV injection"): `=HYPERLINK(...)` in a free-text answer could send an officer's
 * data to another site. Tab and carriage return are on the list because some programs skip them
 * and then read the formula behind.
 */
const formulaStarts = new Set(['=', '+', '-', '@', '\t', '\r'])

/** A plain number such as -5, +44, 3.5 or -0.25: safe as it is, and a number is what it means. */
const plainNumber = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/

/**
 * The text of one cell made safe to open in a spreadsheet: a leading apostrophe stops it being read
 * as a formula. Used for every cell, headings too, since question words are typed by officers.
 */
export function neutraliseCell(text: string): string {
  const first = text.charAt(0)
  if (!formulaStarts.has(first) || plainNumber.test(text)) return text
  return `'${text}`
}
