import {
  checkFigure,
  problem,
  readFigureRows,
  type ImportableIndicator,
  type ImportProblem,
} from './administrativeImport'
import { referenceAreas, type ReferenceArea, type ReferenceValue } from '../model/types'

/**
 * Reading a CSV of reference values: what an indicator is in England, the region or among the
 * council's statistical neighbours, one row per indicator, period and area, under a heading row
 * with the columns indicator, period, area (england, region or neighbours), value and source, in
 * any order. Checked as the administrative figures are, taken whole or not at all, with every
 * problem of every row reported.
 */

export type ReferenceImport =
  { ok: true; values: ReferenceValue[] } | { ok: false; problems: ImportProblem[] }

const columns = ['indicator', 'period', 'area', 'value', 'source'] as const

/** As long as the column that keeps it allows. */
export const maxSourceLength = 300

const isArea = (text: string): text is ReferenceArea => (referenceAreas as readonly string[]).includes(text)

export function parseReferenceCsv(text: string, indicators: readonly ImportableIndicator[]): ReferenceImport {
  const rows = readFigureRows(text, columns)
  if (!Array.isArray(rows)) return { ok: false, problems: rows.problems }
  const byNumber = new Map(indicators.map((indicator) => [indicator.number, indicator]))
  const firstRows = new Map<string, number>()
  const problems: ImportProblem[] = []
  const values: ReferenceValue[] = []
  for (const { row, cells } of rows) {
    const checked = checkFigure(row, cells, byNumber, { surveyAllowed: true })
    problems.push(...checked.problems)
    const area = cells.area.toLowerCase()
    if (area === '') problems.push(problem(row, 'areaMissing'))
    else if (!isArea(area)) problems.push(problem(row, 'unknownArea', { area: cells.area }))
    if (cells.source === '') problems.push(problem(row, 'sourceMissing'))
    else if (cells.source.length > maxSourceLength)
      problems.push(problem(row, 'sourceTooLong', { max: maxSourceLength }))
    if (!checked.slot || !isArea(area)) continue
    const { indicator, period } = checked.slot
    const slot = JSON.stringify([indicator.id, period, area])
    const earlierRow = firstRows.get(slot)
    if (earlierRow !== undefined)
      problems.push(
        problem(row, 'repeatedReference', {
          indicator: indicator.number,
          period,
          area: cells.area,
          earlierRow,
        }),
      )
    else firstRows.set(slot, row)
    if (checked.value !== undefined)
      values.push({ indicatorId: indicator.id, period, area, value: checked.value, source: cells.source })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values }
}
