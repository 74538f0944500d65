import type { Translate } from '../i18n/translator'
import { styles, type Canvas } from './canvas'

/**
 * "Page X of Y" at the foot of every page, written once the last page is known (the document buffers
 * its pages). Marked as a pagination artifact, which screen readers skip.
 */
export function numberPages(canvas: Canvas, t: Translate): void {
  const { doc } = canvas
  const { start, count } = doc.bufferedPageRange()
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index)
    const block = canvas.layout(t('pdf.pageNumber', { page: index + 1, pages: count }), styles.footer, {
      align: 'centre',
    })
    doc.markContent('Artifact', { type: 'Pagination' })
    canvas.draw(block, canvas.left, doc.page.height - doc.page.margins.bottom + 24)
    doc.endMarkedContent()
  }
}
