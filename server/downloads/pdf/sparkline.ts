import { colours, type Canvas } from './canvas'
import type { Cell } from './cells'

export interface SparklineSpec {
  /** Oldest first; null for a period with no figure to show, which leaves a gap in the line. */
  values: (number | null)[]
  /** What the chart shows, in words, for screen readers. */
  alt: string
  width: number
  height: number
  /** The least range the height stands for, so that a small wobble is not drawn as a cliff. */
  minimumSpan: number
}

const dot = 1.6

/** Where each value sits between `low` (the foot of the chart) and `high` (its top). */
function valueRange(values: number[], minimumSpan: number): { low: number; high: number } {
  const low = Math.min(...values)
  const high = Math.max(...values)
  const spare = Math.max(0, minimumSpan - (high - low)) / 2
  return { low: low - spare, high: high + spare }
}

/**
 * A small line chart of a few periods in vector paths, oldest at the start edge (so mirrored right
 * to left), with a dot per figure and a larger one for the latest. Periods with no figure leave a
 * gap, and the line does not jump across it. Tagged as a Figure whose alternative text gives the
 * figures in words.
 */
export function sparklineCell(canvas: Canvas, spec: SparklineSpec): Cell {
  return (available) => {
    const width = Math.min(spec.width, available)
    return {
      height: spec.height,
      draw: (cell, box) => {
        const { doc } = canvas
        const rtl = canvas.direction === 'rtl'
        const left = rtl ? box.x + box.width - width : box.x
        canvas.artifact(() => doc.rect(left, box.top + spec.height - 0.5, width, 0.5).fill(colours.rule))
        const shown = spec.values.filter((value): value is number => value !== null)
        const figure = doc.struct('Figure', { alt: spec.alt })
        cell.add(figure)
        if (shown.length === 0) return
        const { low, high } = valueRange(shown, spec.minimumSpan)
        const inner = {
          left: left + dot,
          width: width - 2 * dot,
          top: box.top + dot,
          height: spec.height - 2 * dot,
        }
        const slots = Math.max(1, spec.values.length - 1)
        const points = spec.values.map((value, index) => {
          if (value === null) return null
          const along = (index / slots) * inner.width
          const x = rtl ? inner.left + inner.width - along : inner.left + along
          const y = inner.top + inner.height * (1 - (high === low ? 0.5 : (value - low) / (high - low)))
          return { x, y }
        })
        figure.add(() => {
          let segments = 0
          points.forEach((point, index) => {
            const before = points[index - 1]
            if (!point || !before) return
            doc.moveTo(before.x, before.y).lineTo(point.x, point.y)
            segments++
          })
          if (segments > 0) doc.lineWidth(1).strokeColor(colours.bar).stroke()
          points.forEach((point, index) => {
            if (!point) return
            const last = index === points.length - 1
            doc.circle(point.x, point.y, last ? dot * 1.4 : dot).fill(colours.bar)
          })
        })
      },
    }
  }
}
