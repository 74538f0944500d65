import { colours, styles, type Canvas } from './canvas'
import type { Piece } from './flow'
import type { Align, TextBlock } from './textLayout'

export interface Column {
  /** Share of the table's width, 0-1. */
  share: number
  align: Align
}

export interface TableSpec {
  caption?: string
  head?: string[]
  rows: string[][]
  columns: Column[]
  /** Whether each row's first cell names the row (a row header, TH). */
  rowHeaders: boolean
}

const padding = { x: 4, y: 5 }

/**
 * The Table structure element, made when the table's first piece is drawn rather than when the
 * pieces are planned, so it joins the document's tags in drawing order.
 */
export function lazyTableElement(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
): () => PDFKit.PDFStructureElement {
  let table: PDFKit.PDFStructureElement | undefined
  return () => {
    if (!table) {
      table = doc.struct('Table')
      parent.add(table)
    }
    return table
  }
}

/**
 * A table as pieces for the flow: its caption and head kept with the first row, then one piece per
 * row, so a long table may run onto the next page. Tagged Table, Caption, TR, TH and TD so that a
 * screen reader can move through it; the rules between rows are decoration.
 */
export function tablePieces(canvas: Canvas, parent: PDFKit.PDFStructureElement, spec: TableSpec): Piece[] {
  const { doc } = canvas
  const tableElement = lazyTableElement(doc, parent)
  const offsets = spec.columns.map((_, index) =>
    spec.columns.slice(0, index).reduce((sum, column) => sum + column.share * canvas.width, 0),
  )
  const rowPiece = (cells: string[], head: boolean): Piece => {
    const blocks = cells.map((text, index) => {
      const column = spec.columns[index] ?? { share: 0, align: 'start' }
      const style = head || (spec.rowHeaders && index === 0) ? styles.smallStrong : styles.small
      return canvas.layout(text, style, {
        width: column.share * canvas.width - 2 * padding.x,
        align: column.align,
      })
    })
    const height = Math.max(...blocks.map((block) => block.height)) + 2 * padding.y
    return {
      height,
      keepWithNext: head,
      draw: (top) => {
        const row = doc.struct('TR')
        tableElement().add(row)
        blocks.forEach((block, index) => {
          const width = (spec.columns[index]?.share ?? 0) * canvas.width
          const x = canvas.fromStart(offsets[index] ?? 0, width) + padding.x
          const type = head || (spec.rowHeaders && index === 0) ? 'TH' : 'TD'
          canvas.tagged(row, type, block, { x, top: top + padding.y })
        })
        canvas.rule(top + height - 0.75, head ? colours.text : colours.rule)
      },
    }
  }
  const pieces: Piece[] = []
  if (spec.caption)
    pieces.push(captionPiece(canvas, tableElement, canvas.layout(spec.caption, styles.strong)))
  if (spec.head) pieces.push(rowPiece(spec.head, true))
  pieces.push(...spec.rows.map((cells) => rowPiece(cells, false)))
  return pieces
}

function captionPiece(canvas: Canvas, table: () => PDFKit.PDFStructureElement, block: TextBlock): Piece {
  return {
    height: block.height,
    gap: 4,
    keepWithNext: true,
    draw: (top) => {
      canvas.tagged(table(), 'Caption', block, { x: canvas.left, top })
    },
  }
}
