import { colours, type Canvas } from './canvas'
import type { Cell, CellContent } from './cells'
import type { Flow, Piece } from './flow'
import { lazyTableElement } from './table'
import type { TextStyle } from './textLayout'

export interface CellTableSpec {
  /** Each column's share of the table's width, 0-1, from the start edge. */
  shares: number[]
  head: string[]
  headStyle: TextStyle
  rows: Cell[][]
}

export interface CellTablePieces {
  head: Piece
  /** The head again, at the top of each further page the table runs onto. */
  repeatedHead: Piece
  rows: Piece[]
}

const padding = { x: 4, y: 5 }
const headShade = '#f3f2f1'

/**
 * A table whose cells hold more than words (a coloured key, a small chart), as pieces for the
 * flow: one per row, each kept whole. Tagged Table, TR, TH and TD like pdf/table.ts; the head
 * repeated on a later page is decoration (an artifact), since a screen reader already has it.
 */
export function cellTablePieces(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  spec: CellTableSpec,
): CellTablePieces {
  const { doc } = canvas
  const tableElement = lazyTableElement(doc, parent)
  const widths = spec.shares.map((share) => share * canvas.width)
  const offsets = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, 0))
  const boxOf = (index: number, top: number) => {
    const width = widths[index] ?? 0
    return { x: canvas.fromStart(offsets[index] ?? 0, width) + padding.x, top, width: width - 2 * padding.x }
  }
  const measure = (cells: Cell[]) => cells.map((cell, index) => cell((widths[index] ?? 0) - 2 * padding.x))
  const heightOf = (contents: CellContent[]) =>
    Math.max(0, ...contents.map((content) => content.height)) + 2 * padding.y

  const headBlocks = spec.head.map((text, index) =>
    canvas.layout(text, spec.headStyle, { width: (widths[index] ?? 0) - 2 * padding.x }),
  )
  const headHeight = Math.max(0, ...headBlocks.map((block) => block.height)) + 2 * padding.y
  const drawHeadDecoration = (top: number) => {
    canvas.artifact(() => doc.rect(canvas.left, top, canvas.width, headHeight).fill(headShade))
  }
  const head: Piece = {
    height: headHeight,
    keepWithNext: true,
    draw: (top) => {
      drawHeadDecoration(top)
      const row = doc.struct('TR')
      tableElement().add(row)
      headBlocks.forEach((block, index) => {
        const box = boxOf(index, top + padding.y)
        canvas.tagged(row, 'TH', block, { x: box.x, top: box.top })
      })
      canvas.rule(top + headHeight - 0.75, colours.text)
    },
  }
  const repeatedHead: Piece = {
    ...head,
    draw: (top) => {
      drawHeadDecoration(top)
      canvas.artifact(() => {
        headBlocks.forEach((block, index) => {
          canvas.draw(block, boxOf(index, top + padding.y).x, top + padding.y)
        })
        doc.rect(canvas.left, top + headHeight - 0.75, canvas.width, 0.75).fill(colours.text)
      })
    },
  }
  const rows = spec.rows.map((cells): Piece => {
    const contents = measure(cells)
    const height = heightOf(contents)
    return {
      height,
      draw: (top) => {
        const row = doc.struct('TR')
        tableElement().add(row)
        contents.forEach((content, index) => {
          const cell = doc.struct('TD')
          row.add(cell)
          content.draw(cell, boxOf(index, top + padding.y))
        })
        canvas.rule(top + height - 0.75)
      },
    }
  })
  return { head, repeatedHead, rows }
}

/**
 * Puts a table down through the flow: `lead` (its heading), its head and first row together, then
 * each row whole, where it fits; a row that does not fit starts a new page under the head again.
 * It follows where the flow put the last piece to know whether the next row fits, against the
 * flow's default foot of the page.
 */
export function placeTable(
  flow: Flow,
  canvas: Canvas,
  table: CellTablePieces & { lead: Piece[] },
  options: { gapAfter?: number; onStart?: () => void } = {},
): void {
  const { doc } = canvas
  let next = 0
  const tracked = (piece: Piece): Piece => ({
    ...piece,
    draw: (top) => {
      piece.draw(top)
      next = top + piece.height + (piece.gap ?? 0)
    },
  })
  const [first, ...rest] = table.rows
  flow.placeBlock([...table.lead, table.head, ...(first ? [first] : [])].map(tracked), {
    onStart: options.onStart,
  })
  for (const row of rest) {
    const bottom = doc.page.height - doc.page.margins.bottom
    const pieces = next + row.height > bottom ? [table.repeatedHead, row] : [row]
    flow.placeBlock(pieces.map(tracked))
  }
  flow.placeBlock([], { gapAfter: options.gapAfter })
}
