/** Something measured before it is drawn: a heading, a paragraph, a chart, a table row. */
export interface Piece {
  height: number
  /** Space after it, dropped at the foot of a page. */
  gap?: number
  /** Never leave this at the foot of a page without the piece after it (a heading, a table's head). */
  keepWithNext?: boolean
  draw(top: number): void
}

/**
 * Puts pieces down the page, starting new pages as needed. A block (one question) goes on the
 * current page if it fits, else on a new page if it fits there; a block taller than a page is put
 * down piece by piece, still keeping each heading with what follows it.
 */
export class Flow {
  private y: number

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly bottom: number = doc.page.height - doc.page.margins.bottom,
  ) {
    this.y = doc.page.margins.top
  }

  private get top(): number {
    return this.doc.page.margins.top
  }

  newPage(): void {
    this.doc.addPage()
    this.y = this.top
  }

  /** `onStart` runs as the block starts, on the page it starts on (for a bookmark). */
  placeBlock(pieces: Piece[], options: { gapAfter?: number; onStart?: () => void } = {}): void {
    const total = heightOf(pieces)
    if (this.y + total > this.bottom && this.y > this.top && this.top + total <= this.bottom) this.newPage()
    options.onStart?.()
    for (const group of keptTogether(pieces)) {
      if (this.y + heightOf(group) > this.bottom && this.y > this.top) this.newPage()
      for (const piece of group) {
        piece.draw(this.y)
        this.y += piece.height + (piece.gap ?? 0)
      }
    }
    this.y += options.gapAfter ?? 0
  }
}

const heightOf = (pieces: Piece[]): number =>
  pieces.reduce(
    (sum, piece, index) => sum + piece.height + (index < pieces.length - 1 ? (piece.gap ?? 0) : 0),
    0,
  )

/** Pieces grouped so that each group ends with a piece not kept with the next. */
function keptTogether(pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [[]]
  for (const piece of pieces) {
    groups[groups.length - 1]?.push(piece)
    if (!piece.keepWithNext) groups.push([])
  }
  return groups.filter((group) => group.length > 0)
}
