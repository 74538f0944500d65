import { colours, type Canvas } from './canvas'
import type { Cell } from './cells'

export interface SparklineSpec {
  /** SVG path data of M and L commands only, one M per unbroken run, in a box of `viewBox`. */
  path: string
  /** The figures' points, in the same box, oldest first. */
  points: { x: number; y: number }[]
  viewBox: { width: number; height: number }
  /** Whether the last point is the latest period, which is drawn larger. */
  emphasiseLast: boolean
  /** What the chart shows, in words, for screen readers. */
  alt: string
  width: number
  height: number
}

const dot = 1.6

/** The runs of a path: "M3 10 L50 12 M70 8" as [[[3, 10], [50, 12]], [[70, 8]]]. */
export function pathRuns(path: string): [number, number][][] {
  const runs: [number, number][][] = []
  for (const [, command, x, y] of path.matchAll(/([ML])\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)) {
    const point: [number, number] = [Number(x), Number(y)]
    if (command === 'M' || runs.length === 0) runs.push([point])
    else runs[runs.length - 1]?.push(point)
  }
  return runs
}

/**
 * A small line chart, such as the scorecard page draws in SVG, in vector paths scaled into the
 * cell: the same line, its gaps where periods have no figure, and a dot per figure. Mirrored when
 * the language is right to left, so the oldest period is at the start edge. Tagged as a Figure
 * whose alternative text gives the figures in words.
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
        const place = (x: number, y: number): [number, number] => {
          const along = (x / spec.viewBox.width) * width
          return [
            rtl ? left + width - along : left + along,
            box.top + (y / spec.viewBox.height) * spec.height,
          ]
        }
        canvas.artifact(() => doc.rect(left, box.top + spec.height - 0.5, width, 0.5).fill(colours.rule))
        const figure = doc.struct('Figure', { alt: spec.alt })
        cell.add(figure)
        if (spec.points.length === 0) return
        figure.add(() => {
          const lines = pathRuns(spec.path).filter((run) => run.length > 1)
          for (const run of lines)
            run.forEach(([x, y], index) => {
              const [pageX, pageY] = place(x, y)
              if (index === 0) doc.moveTo(pageX, pageY)
              else doc.lineTo(pageX, pageY)
            })
          if (lines.length > 0) doc.lineWidth(1).strokeColor(colours.bar).stroke()
          spec.points.forEach((point, index) => {
            const latest = spec.emphasiseLast && index === spec.points.length - 1
            doc.circle(...place(point.x, point.y), latest ? dot * 1.4 : dot).fill(colours.bar)
          })
        })
      },
    }
  }
}
