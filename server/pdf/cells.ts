import type { Canvas } from './canvas'
import type { Align, TextStyle } from './textLayout'

/** Where a cell's content goes: the cell less its padding. */
export interface CellBox {
  x: number
  top: number
  width: number
}

/** A table cell's content, measured before it is drawn. */
export interface CellContent {
  height: number
  /**
   * Draws the content in `box`, tagging what it draws inside `cell` (a TD or TH). It runs outside
   * any marked content, so it may draw decoration as an artifact.
   */
  draw(cell: PDFKit.PDFStructureElement, box: CellBox): void
}

/** A cell laid out for the width its column gives it. */
export type Cell = (width: number) => CellContent

export interface CellLine {
  text: string
  style: TextStyle
  /** Space after this line; 2 unless told. */
  gap?: number
}

/** Lines of text one under another, each its own paragraph (P); empty ones are left out. */
export function textCell(canvas: Canvas, lines: CellLine[], align: Align = 'start'): Cell {
  return (width) => {
    const blocks = lines
      .filter((line) => line.text.trim() !== '')
      .map((line) => ({ block: canvas.layout(line.text, line.style, { width, align }), gap: line.gap ?? 2 }))
    const height = blocks.reduce(
      (sum, { block, gap }, index) => sum + block.height + (index < blocks.length - 1 ? gap : 0),
      0,
    )
    return {
      height,
      draw: (cell, box) => {
        let top = box.top
        for (const { block, gap } of blocks) {
          canvas.tagged(cell, 'P', block, { x: box.x, top })
          top += block.height + gap
        }
      },
    }
  }
}

const swatchGap = 4

/**
 * Words with a small square of colour at their start edge, as a key. The colour is decoration: the
 * words must say everything on their own, for readers who cannot tell the colours apart.
 */
export function swatchCell(
  canvas: Canvas,
  options: { colour: string; size: number; lines: CellLine[] },
): Cell {
  const { colour, size, lines } = options
  return (width) => {
    const words = textCell(canvas, lines)(width - size - swatchGap)
    const firstStyle = lines[0]?.style
    // Centred on the first line, whose height is 1.35 times its font size (see textLayout.ts).
    const swatchTop = firstStyle ? Math.max(0, (1.35 * firstStyle.size - size) / 2) : 0
    return {
      height: Math.max(words.height, swatchTop + size),
      draw: (cell, box) => {
        const rtl = canvas.direction === 'rtl'
        const swatchX = rtl ? box.x + box.width - size : box.x
        canvas.artifact(() => canvas.doc.rect(swatchX, box.top + swatchTop, size, size).fill(colour))
        words.draw(cell, {
          x: rtl ? box.x : box.x + size + swatchGap,
          top: box.top,
          width: box.width - size - swatchGap,
        })
      },
    }
  }
}
