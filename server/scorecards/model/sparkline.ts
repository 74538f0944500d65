import type { ShownFact, Unit } from './types'

export interface Sparkline {
  /** SVG path data in a 100 x 30 box; one "M" per run of periods that have a figure. */
  path: string
  points: { x: number; y: number }[]
}

const width = 100
const height = 30
const inset = 3

/**
 * A small line of an indicator's past figures. Percentages are drawn on 0-100, so two indicators'
 * lines can be compared by eye; other units on 0 to their largest figure. A withheld or missing
 * period is a gap in the line, never a zero.
 */
export function sparkline(history: readonly ShownFact[], unit: Unit): Sparkline {
  const values = history.map((fact) => fact.value)
  const top = unit === 'percentage' ? 100 : Math.max(1, ...values.filter((value) => value !== null))
  const step = history.length > 1 ? (width - 2 * inset) / (history.length - 1) : 0
  const points: Sparkline['points'] = []
  let path = ''
  let drawing = false
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false
      return
    }
    const x = Math.round((inset + index * step) * 10) / 10
    const y = Math.round((height - inset - (value / top) * (height - 2 * inset)) * 10) / 10
    points.push({ x, y })
    path += `${drawing ? 'L' : 'M'}${x} ${y} `
    drawing = true
  })
  return { path: path.trim(), points }
}
