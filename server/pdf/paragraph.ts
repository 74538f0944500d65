import type { Canvas } from './canvas'
import type { Piece } from './flow'
import type { TextStyle } from './textLayout'

/**
 * A paragraph or heading as a piece: laid out now, drawn and tagged (H1, H2, P) when the flow
 * places it. `indent` is from the start edge, for the inset text.
 */
export function paragraphPiece(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  options: {
    tag: string
    text: string
    style: TextStyle
    gap?: number
    keepWithNext?: boolean
    indent?: number
  },
): Piece {
  const indent = options.indent ?? 0
  const block = canvas.layout(options.text, options.style, { width: canvas.width - indent })
  return {
    height: block.height,
    gap: options.gap ?? 8,
    keepWithNext: options.keepWithNext,
    draw: (top) => {
      canvas.tagged(parent, options.tag, block, { x: canvas.fromStart(indent, canvas.width - indent), top })
    },
  }
}
