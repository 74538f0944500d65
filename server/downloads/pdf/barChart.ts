import type { resultsPageModel } from '../../results/resultsPage'
import { colours, styles, type Canvas } from './canvas'
import type { Piece } from './flow'

export type QuestionModel = ReturnType<typeof resultsPageModel>['questions'][number]
type ChartModel = NonNullable<QuestionModel['chart']>

const labelGap = 2
const rowGap = 9

/**
 * The results page's bar chart in vector shapes: the same bars, lengths and percentage texts, from
 * the same model, scaled from its units to the page's text width (mirrored already when the
 * language is right to left). Its words may wrap, so rows are spaced here. Tagged as a Figure whose
 * alternative text says the table after it gives the numbers.
 */
export function barChartPiece(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  options: { chart: ChartModel; alt: string },
): Piece {
  const { chart, alt } = options
  const scale = canvas.width / chart.width
  const rows = chart.bars.map((bar) => {
    const label = canvas.layout(bar.label, styles.small)
    const value = canvas.layout(bar.valueText, styles.small)
    const barHeight = bar.barHeight * scale
    return { bar, label, value, barHeight, height: label.height + labelGap + barHeight + rowGap }
  })
  const drawChart = (top: number) => {
    let rowTop = top
    for (const { bar, label, value, barHeight, height } of rows) {
      canvas.draw(label, canvas.left, rowTop)
      const barTop = rowTop + label.height + labelGap
      canvas.doc.rect(canvas.left + bar.barX * scale, barTop, bar.barWidth * scale, barHeight).fill(colours.bar)
      // The value starts just after the bar's end (left to right) or ends just before it (right to left).
      const line = value.lines[0]
      if (line) {
        const anchor = canvas.left + bar.valueX * scale
        const x = chart.anchor === 'end' ? anchor - line.left - line.width : anchor - line.left
        canvas.draw(value, x, barTop + barHeight - 3 - line.baseline)
      }
      rowTop += height
    }
  }
  return {
    height: rows.reduce((sum, row) => sum + row.height, 0),
    gap: 6,
    draw: (top) => parent.add(canvas.doc.struct('Figure', { alt }, () => drawChart(top))),
  }
}
