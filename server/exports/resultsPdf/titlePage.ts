import type { Translate } from '../../i18n/translator'
import { colours, styles, type Canvas } from '../../pdf/canvas'
import type { Piece } from '../../pdf/flow'
import { paragraphPiece } from '../../pdf/paragraph'
import type { SelectionItem } from './selection'
import { tablePieces } from '../../pdf/table'

export interface TitlePageText {
  title: string
  organisationName: string
  selection: SelectionItem[]
  produced: string
  /** "Responses: 25", or "Responses: fewer than 10". */
  responses: string
  /** The results page's inset text: how percentages are worked out, and which numbers are withheld. */
  notes: string[]
}

const insetIndent = 15

/** The inset text: paragraphs with a grey bar at their start edge, as on the results page. */
function insetPiece(canvas: Canvas, parent: PDFKit.PDFStructureElement, notes: string[]): Piece {
  const paragraphs = notes.map((text) =>
    paragraphPiece(canvas, parent, { tag: 'P', text, style: styles.body, indent: insetIndent, gap: 6 }),
  )
  const height = paragraphs.reduce((sum, piece) => sum + piece.height + (piece.gap ?? 0), 0) - 6
  return {
    height,
    gap: 12,
    draw: (top) => {
      canvas.artifact(() => canvas.doc.rect(canvas.fromStart(0, 4), top, 4, height).fill(colours.rule))
      let y = top
      for (const piece of paragraphs) {
        piece.draw(y)
        y += piece.height + (piece.gap ?? 0)
      }
    },
  }
}

export function titlePagePieces(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  text: TitlePageText,
  t: Translate,
): Piece[] {
  const selection = tablePieces(canvas, parent, {
    caption: t('pdf.selectionHeading'),
    rows: text.selection.map((item) => [item.label, item.value]),
    columns: [
      { share: 0.45, align: 'start' },
      { share: 0.55, align: 'start' },
    ],
    rowHeaders: true,
  })
  const last = selection[selection.length - 1]
  if (last) last.gap = 16
  return [
    paragraphPiece(canvas, parent, { tag: 'H1', text: text.title, style: styles.title, gap: 6 }),
    paragraphPiece(canvas, parent, {
      tag: 'P',
      text: text.organisationName,
      style: styles.subtitle,
      gap: 24,
    }),
    ...selection,
    paragraphPiece(canvas, parent, { tag: 'P', text: text.produced, style: styles.body, gap: 12 }),
    paragraphPiece(canvas, parent, { tag: 'P', text: text.responses, style: styles.headline, gap: 16 }),
    insetPiece(canvas, parent, text.notes),
  ]
}
