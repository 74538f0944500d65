import type { Direction } from './bidi'
import { loadFaces, type FaceName } from './fonts'
import { layoutText, type Align, type TextBlock, type TextStyle } from './textLayout'

export const colours = { text: '#0b0c0c', secondary: '#505a5f', bar: '#155489', rule: '#b1b4b6' }

/** Text styles in points; body text is 11pt, a common size for printed reports. */
export const styles = {
  title: { size: 24, weight: 'bold', colour: colours.text },
  subtitle: { size: 15, weight: 'regular', colour: colours.secondary },
  heading: { size: 15, weight: 'bold', colour: colours.text },
  headline: { size: 13, weight: 'bold', colour: colours.text },
  body: { size: 11, weight: 'regular', colour: colours.text },
  strong: { size: 11, weight: 'bold', colour: colours.text },
  small: { size: 10, weight: 'regular', colour: colours.text },
  smallStrong: { size: 10, weight: 'bold', colour: colours.text },
  footer: { size: 9, weight: 'regular', colour: colours.secondary },
} as const satisfies Record<string, TextStyle>

/**
 * One PDF document with the report's fonts registered and the page's text area known: lays text
 * out, draws it, and marks decoration as an artifact so that screen readers skip it.
 */
export class Canvas {
  readonly left: number
  readonly width: number

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly direction: Direction,
  ) {
    for (const [name, file] of loadFaces()) doc.registerFont(name, file)
    this.left = doc.page.margins.left
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  }

  private readonly measure = (text: string, face: FaceName, size: number): number =>
    this.doc.font(face).fontSize(size).widthOfString(text)

  layout(text: string, style: TextStyle, options: { width?: number; align?: Align } = {}): TextBlock {
    return layoutText(text, {
      style,
      width: options.width ?? this.width,
      direction: this.direction,
      align: options.align,
      measure: this.measure,
    })
  }

  /** Draws a block with its top left corner at (x, top). */
  draw(block: TextBlock, x: number, top: number): void {
    for (const line of block.lines)
      for (const run of line.runs)
        this.doc
          .font(run.face)
          .fontSize(block.style.size)
          .fillColor(block.style.colour)
          .text(run.text, x + run.x, top + line.baseline, { lineBreak: false, baseline: 'alphabetic' })
  }

  /**
   * Draws a block as one tagged element (H1, P, TD...). Right-to-left words are drawn in display
   * order, not reading order, so such a block also carries its words in reading order (ActualText),
   * which screen readers and text extraction read instead of the glyphs.
   */
  tagged(
    parent: PDFKit.PDFStructureElement,
    type: string,
    block: TextBlock,
    at: { x: number; top: number },
  ): void {
    if (!block.hasRightToLeft) {
      parent.add(
        this.doc.struct(type, {}, () => {
          this.draw(block, at.x, at.top)
        }),
      )
      return
    }
    const element = this.doc.struct(type)
    parent.add(element)
    const span = this.doc.struct('Span', { actual: block.text })
    element.add(span)
    const content = this.doc.markStructureContent('Span', { actual: block.text })
    this.draw(block, at.x, at.top)
    this.doc.endMarkedContent()
    span.add(content)
  }

  /** x of a box that starts `offset` from the start edge: the left in left-to-right, the right otherwise. */
  fromStart(offset: number, boxWidth: number, within = this.width): number {
    return this.left + (this.direction === 'rtl' ? within - offset - boxWidth : offset)
  }

  /**
   * Decoration (rules, borders) drawn outside any tagged content: pdfkit closes open marked
   * content when an artifact starts, so this must never be called inside a structure element.
   */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact')
    draw()
    this.doc.endMarkedContent()
  }

  rule(top: number, colour: string = colours.rule, x = this.left, width = this.width): void {
    this.artifact(() => this.doc.rect(x, top, width, 0.75).fill(colour))
  }
}
