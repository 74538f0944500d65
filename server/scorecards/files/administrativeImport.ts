import { readCsv } from './csvReader'
import { parsePeriod } from '../model/periods'
import type { Frequency, IndicatorKind, Unit } from '../model/types'

/**
 * Reading a CSV of administrative figures: one row per indicator and period, under a heading row
 * with the columns indicator (its number, like 2.3), period (a key of the indicator's frequency,
 * like 2026-Q3) and value, in any order. Other columns are ignored, since officers export these
 * files from other tools. A file is taken whole or not at all: any problem rejects it, with every
 * problem of every row reported so that one round of corrections is enough.
 */

export interface ImportableIndicator {
  id: string
  number: string
  kind: IndicatorKind
  frequency: Frequency
  unit: Unit
}

export interface ImportProblem {
  /**
   * The row in the file, the heading row being row 1, as a spreadsheet numbers it; 0 for the whole
   * file. The same as the line number unless a quoted field holds a line break.
   */
  row: number
  /** Locale key of the message. */
  key: string
  values: Record<string, string | number>
}

export interface ImportedValue {
  indicatorId: string
  /** Canonical period key, as parsePeriod gives it. */
  period: string
  value: number
}

export type AdministrativeImport =
  { ok: true; values: ImportedValue[] } | { ok: false; problems: ImportProblem[] }

export const maxImportRows = 5000

/** Every problem a file can have; the message is at pages.administrativeImport.problems.<name>. */
export const importProblemNames = [
  'unclosedQuote',
  'emptyFile',
  'noValues',
  'tooManyRows',
  'missingColumn',
  'repeatedColumn',
  'indicatorMissing',
  'unknownIndicator',
  'surveyIndicator',
  'periodMissing',
  'periodMonthly',
  'periodQuarterly',
  'periodTermly',
  'periodSixMonthly',
  'periodAnnual',
  'valueMissing',
  'valueNotNumber',
  'percentageOutOfRange',
  'countNotWhole',
  'weeksNegative',
  'rateNegative',
  'repeatedPeriod',
  'areaMissing',
  'unknownArea',
  'sourceMissing',
  'sourceTooLong',
  'repeatedReference',
] as const
export type ImportProblemName = (typeof importProblemNames)[number]

export const importProblemKey = (name: ImportProblemName): string =>
  `pages.administrativeImport.problems.${name}`

export const problem = (
  row: number,
  name: ImportProblemName,
  values: ImportProblem['values'] = {},
): ImportProblem => ({
  row,
  key: importProblemKey(name),
  values,
})

const columns = ['indicator', 'period', 'value'] as const
type Column = (typeof columns)[number]
type Cells = Record<Column, string>

/** Each frequency's message says how its periods are written. */
export const periodProblems: Record<Frequency, ImportProblemName> = {
  monthly: 'periodMonthly',
  quarterly: 'periodQuarterly',
  termly: 'periodTermly',
  'six-monthly': 'periodSixMonthly',
  annual: 'periodAnnual',
}

/** Digits, perhaps a minus and a decimal part: no thousands commas, % signs or exponents. */
// Two alternatives with no repetition inside another, so the match is linear.
export const plainNumber = /^-?\d+$|^-?\d+\.\d+$/

export function unitProblem(unit: Unit, value: number): ImportProblemName | undefined {
  switch (unit) {
    case 'percentage':
      return value < 0 || value > 100 ? 'percentageOutOfRange' : undefined
    case 'count':
      return Number.isInteger(value) && value >= 0 ? undefined : 'countNotWhole'
    case 'weeks':
      return value < 0 ? 'weeksNegative' : undefined
    case 'rate':
      return value < 0 ? 'rateNegative' : undefined
  }
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '')

/** Where each column is, from the heading row: compared trimmed and in any case. */
export function readHeading<Name extends string>(
  heading: readonly string[],
  wanted: readonly Name[],
): Record<Name, number> | ImportProblem[] {
  const names = heading.map((cell) => cell.trim().toLowerCase())
  const problems: ImportProblem[] = []
  for (const column of wanted) {
    const count = names.filter((name) => name === column).length
    if (count === 0) problems.push(problem(0, 'missingColumn', { column }))
    if (count > 1) problems.push(problem(0, 'repeatedColumn', { column }))
  }
  if (problems.length > 0) return problems
  return Object.fromEntries(wanted.map((column) => [column, names.indexOf(column)])) as Record<Name, number>
}

interface CheckedRow {
  problems: ImportProblem[]
  /** The indicator and period, when both are right, whatever the value. */
  slot?: { indicator: ImportableIndicator; period: string }
  value?: number
}

/**
 * One row's indicator, period and value. The period and the value's range are checked against the
 * indicator, so only when it is one that can be imported; the value is checked as a number
 * regardless. Survey indicators' own figures are counted, never imported, but what they are
 * elsewhere (a reference value) can be.
 */
export function checkFigure(
  row: number,
  cells: Cells,
  byNumber: ReadonlyMap<string, ImportableIndicator>,
  options: { surveyAllowed: boolean },
): CheckedRow {
  const problems: ImportProblem[] = []
  const found = (name: ImportProblemName, values?: ImportProblem['values']) =>
    problems.push(problem(row, name, values))

  const named = byNumber.get(cells.indicator)
  if (cells.indicator === '') found('indicatorMissing')
  else if (!named) found('unknownIndicator', { indicator: cells.indicator })
  else if (named.kind === 'survey' && !options.surveyAllowed)
    found('surveyIndicator', { indicator: named.number })
  const indicator = named?.kind === 'administrative' || options.surveyAllowed ? named : undefined

  const period = indicator && parsePeriod(indicator.frequency, cells.period)
  if (cells.period === '') found('periodMissing')
  else if (indicator && !period)
    found(periodProblems[indicator.frequency], { indicator: indicator.number, period: cells.period })

  const parsed = plainNumber.test(cells.value) ? Number(cells.value) + 0 : Number.NaN // + 0: -0 is 0
  const value = Number.isFinite(parsed) ? parsed : undefined
  if (cells.value === '') found('valueMissing')
  else if (value === undefined) found('valueNotNumber', { value: cells.value })
  else if (indicator) {
    const name = unitProblem(indicator.unit, value)
    if (name) found(name, { value: cells.value })
  }

  return { problems, slot: indicator && period && { indicator, period: period.key }, value }
}

/** The heading row and the rows under it with their numbers, or why the file cannot be read. */
export function readRows(
  text: string,
): { heading: string[]; rows: { row: number; cells: string[] }[] } | ImportProblem[] {
  const reading = readCsv(text)
  if ('error' in reading) return [problem(0, 'unclosedQuote', { line: reading.line })]
  const rows = reading.rows
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(({ cells }) => !isBlank(cells))
  const [heading, ...values] = rows
  return heading ? { heading: heading.cells, rows: values } : [problem(0, 'emptyFile')]
}

/** A file's rows under its heading row, each cell trimmed and named by its column, or why it cannot be read. */
export function readFigureRows<Name extends string>(
  text: string,
  wanted: readonly Name[],
): { row: number; cells: Record<Name, string> }[] | { problems: ImportProblem[] } {
  const file = readRows(text)
  if (Array.isArray(file)) return { problems: file }
  const positions = readHeading(file.heading, wanted)
  if (Array.isArray(positions)) return { problems: positions }
  if (file.rows.length === 0) return { problems: [problem(0, 'noValues')] }
  if (file.rows.length > maxImportRows)
    return { problems: [problem(0, 'tooManyRows', { rows: file.rows.length, max: maxImportRows })] }
  return file.rows.map(({ row, cells }) => ({
    row,
    cells: Object.fromEntries(
      wanted.map((column) => [column, (cells[positions[column]] ?? '').trim()]),
    ) as Record<Name, string>,
  }))
}

export function parseAdministrativeCsv(
  text: string,
  indicators: readonly ImportableIndicator[],
): AdministrativeImport {
  const rows = readFigureRows(text, columns)
  if (!Array.isArray(rows)) return { ok: false, problems: rows.problems }
  const byNumber = new Map(indicators.map((indicator) => [indicator.number, indicator]))
  const firstRows = new Map<string, number>()
  const problems: ImportProblem[] = []
  const values: ImportedValue[] = []
  for (const { row, cells } of rows) {
    const checked = checkFigure(row, cells, byNumber, { surveyAllowed: false })
    problems.push(...checked.problems)
    if (!checked.slot) continue
    const { indicator, period } = checked.slot
    const slot = JSON.stringify([indicator.id, period])
    const earlierRow = firstRows.get(slot)
    if (earlierRow !== undefined)
      problems.push(problem(row, 'repeatedPeriod', { indicator: indicator.number, period, earlierRow }))
    else firstRows.set(slot, row)
    if (checked.value !== undefined) values.push({ indicatorId: indicator.id, period, value: checked.value })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values }
}
