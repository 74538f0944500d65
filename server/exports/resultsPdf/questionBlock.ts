import type { Translate } from '../../i18n/translator'
import { barChartPieces, type QuestionModel } from './barChart'
import { styles, type Canvas } from '../../pdf/canvas'
import type { Piece } from '../../pdf/flow'
import { paragraphPiece } from '../../pdf/paragraph'
import { tablePieces } from '../../pdf/table'
import type { TextStyle } from '../../pdf/textLayout'

/**
 * One question's results, in the words and order of the results page: title and what changed between
 * versions, then either why nothing is shown, how many wrote an answer, or the headline, its
 * interval, the chart and the table, then how many were not asked it or left it blank. Its pieces
 * are tagged inside a section (Sect) of the document.
 */
export function questionPieces(
  canvas: Canvas,
  section: PDFKit.PDFStructureElement,
  input: { question: QuestionModel; threshold: number; t: Translate },
): Piece[] {
  const { question, threshold, t } = input
  const paragraph = (text: string, style: TextStyle = styles.body, keepWithNext = false) =>
    paragraphPiece(canvas, section, { tag: 'P', text, style, keepWithNext })
  const heading = paragraphPiece(canvas, section, {
    tag: 'H2',
    text: question.title,
    style: styles.heading,
    keepWithNext: true,
  })
  const notes = question.notes.map((note) => paragraph(note, styles.body, true))
  const unasked = [question.notAsked, question.noAnswer]
    .filter((line) => line !== undefined)
    .map((line) => paragraph(line))
  if (question.suppressed)
    return [heading, ...notes, paragraph(t('pages.results.tooFew', { count: threshold })), ...unasked]
  if (question.written !== undefined)
    return [heading, ...notes, paragraph(t('pages.results.written', question.written)), ...unasked]
  const pieces = [heading, ...notes]
  if (question.headline) {
    pieces.push(paragraph(question.headline.text, styles.headline, true))
    pieces.push(paragraph(`${question.headline.interval} ${question.headline.basis}`, styles.body, true))
  } else if (question.headlineSuppressed) {
    pieces.push(paragraph(t('pages.results.headlineHidden'), styles.body, true))
  }
  if (question.chart) {
    const alt = t('pages.results.chartTitle', { question: question.title })
    pieces.push(...barChartPieces(canvas, section, { chart: question.chart, alt }))
  }
  const numeric = { share: 0.22, align: 'end' } as const
  pieces.push(
    ...tablePieces(canvas, section, {
      caption: t('pages.results.tableCaption', {
        answered: question.answered,
        denominator: question.denominator,
      }),
      head: [t('pages.results.answer'), t('pages.results.count'), t('pages.results.percentage')],
      rows: question.rows.map((row) => [row.label, row.count, row.percentage]),
      columns: [{ share: 0.56, align: 'start' }, numeric, numeric],
      rowHeaders: true,
    }),
    ...unasked,
  )
  return pieces
}
