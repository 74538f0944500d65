import type { resultsPageModel } from '../../results/resultsPage'
import { colours, styles, type Canvas } from '../../pdf/canvas'
import type { Piece } from '../../pdf/flow'

export type QuestionModel = ReturnType<typeof resultsPageModel>['questions'][number]
type ChartModel = NonNullable<QuestionModel['chart']>

const labelGap = 2
const rowGap = 9

/**
 * The results page's bar chart in vector shapes: the same bars, lengths and percentage texts, from
 * the same model, scaled from its units to the page's text width (mirrored already when the
 * language is right to left). Its words may wrap, so rows are spaced here. One piece per bar, so a
 * long chart can run onto the next page, all tagged as one Figure whose alternative text says the
 * table after it gives the numbers.
 */
export function barChartPieces(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  options: { chart: ChartModel; alt: string },
): Piece[] {
  const { chart, alt } = options
  const scale = canvas.width / chart.width
  let figure: PDFKit.PDFStructureElement | undefined
  const figureElement = () => {
    if (!figure) {
      figure = canvas.doc.struct('Figure', { alt })
      parent.add(figure)
    }
    return figure
  }
  const pieces = chart.bars.map((bar): Piece => {
    const label = canvas.layout(bar.label, styles.small)
    const value = canvas.layout(bar.valueText, styles.small)
    const barHeight = bar.barHeight * scale
    const drawBar = (top: number) => {
      canvas.draw(label, canvas.left, top)
      const barTop = top + label.height + labelGap
      canvas.doc
        .rect(canvas.left + bar.barX * scale, barTop, bar.barWidth * scale, barHeight)
        .fill(colours.bar)
      // The value starts just after the bar's end (left to right) or ends just before it (right to left).
      const line = value.lines[0]
      if (!line) return
      const anchor = canvas.left + bar.valueX * scale
      const x = chart.anchor === 'end' ? anchor - line.left - line.width : anchor - line.left
      canvas.draw(value, x, barTop + barHeight - 3 - line.baseline)
    }
    return {
      height: label.height + labelGap + barHeight,
      gap: rowGap,
      draw: (top) => {
        figureElement().add(() => {
          drawBar(top)
        })
      },
    }
  })
  const last = pieces[pieces.length - 1]
  if (last) last.gap = 14
  return pieces
}
