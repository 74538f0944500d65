import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import type { LanguageCode } from '../i18n/languages'

/** One good row: a person to invite. row is the spreadsheet row number (the header is row 1). */
export interface Contact {
  row: number
  email: string
  name: string | null
  language: LanguageCode
  group: string | null
}

export const problemReasons = [
  'email-missing',
  'email-invalid',
  'language-unknown',
  'duplicate',
  'already-invited',
  'too-long',
] as const
export type ProblemReason = (typeof problemReasons)[number]

/** A row left out, by number and why; never its cells, so no address is kept for a bad row. */
export interface ContactProblem {
  row: number
  reason: ProblemReason
}

export type ContactsCheck =
  | { kind: 'checked'; contacts: Contact[]; problems: ContactProblem[] }
  /** Not CSV (an unclosed quote, say), no email column, no rows, or more rows than one list takes. */
  | { kind: 'refused'; reason: 'unreadable' | 'no-email-column' | 'empty' | 'too-many' }

export const maxContactsPerList = 50_000

const columnNames: Record<string, 'email' | 'name' | 'language' | 'group'> = {
  email: 'email',
  'email address': 'email',
  'e-mail': 'email',
  name: 'name',
  language: 'language',
  lang: 'language',
  group: 'group',
}

/** Language codes, and the names an officer's spreadsheet is likely to hold instead. */
const languageWords: Record<string, LanguageCode> = {
  en: 'en',
  english: 'en',
  cy: 'cy',
  welsh: 'cy',
  cymraeg: 'cy',
  ur: 'ur',
  urdu: 'ur',
  اردو: 'ur',
}

const emailSchema = z.email()
const maxCell = 200

type Columns = Partial<Record<'email' | 'name' | 'language' | 'group', number>>

function columnsOf(header: string[]): Columns {
  const columns: Columns = {}
  header.forEach((cell, index) => {
    const known = columnNames[cell.trim().toLowerCase()]
    if (known && columns[known] === undefined) columns[known] = index
  })
  return columns
}

const cellAt = (record: string[], index: number | undefined): string =>
  index === undefined ? '' : (record[index] ?? '').trim()

function checkRow(
  record: string[],
  columns: Columns,
  row: number,
): { contact: Contact } | { problem: ContactProblem } {
  const email = cellAt(record, columns.email)
  const name = cellAt(record, columns.name)
  const group = cellAt(record, columns.group)
  const languageCell = cellAt(record, columns.language).toLowerCase()
  if (email === '') return { problem: { row, reason: 'email-missing' } }
  if (email.length > 254 || !emailSchema.safeParse(email).success)
    return { problem: { row, reason: 'email-invalid' } }
  if (name.length > maxCell || group.length > maxCell) return { problem: { row, reason: 'too-long' } }
  const language = languageCell === '' ? 'en' : languageWords[languageCell]
  if (!language) return { problem: { row, reason: 'language-unknown' } }
  return { contact: { row, email, name: name || null, language, group: group || null } }
}

/**
 * Reads a contacts CSV: a header row naming the columns (email; optionally name, language, group, in
 * any order and any case), then one person a row. Every row is checked; the good ones can be used
 * and the bad ones are listed by row number with why. An address met twice is kept the first time.
 */
export function checkContactsCsv(text: string, alreadyInvited: ReadonlySet<string>): ContactsCheck {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true })
  } catch {
    return { kind: 'refused', reason: 'unreadable' }
  }
  const [header, ...rows] = records
  if (!header) return { kind: 'refused', reason: 'empty' }
  const columns = columnsOf(header)
  if (columns.email === undefined) return { kind: 'refused', reason: 'no-email-column' }
  if (rows.length === 0) return { kind: 'refused', reason: 'empty' }
  if (rows.length > maxContactsPerList) return { kind: 'refused', reason: 'too-many' }
  const contacts: Contact[] = []
  const problems: ContactProblem[] = []
  const seen = new Set<string>()
  rows.forEach((record, index) => {
    const checked = checkRow(record, columns, index + 2)
    if ('problem' in checked) {
      problems.push(checked.problem)
      return
    }
    const key = checked.contact.email.toLowerCase()
    if (alreadyInvited.has(key)) problems.push({ row: checked.contact.row, reason: 'already-invited' })
    else if (seen.has(key)) problems.push({ row: checked.contact.row, reason: 'duplicate' })
    else {
      seen.add(key)
      contacts.push(checked.contact)
    }
  })
  return { kind: 'checked', contacts, problems }
}
