import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import PDFDocument from 'pdfkit'
import type { LanguageCode } from '../i18n/languages'

export interface TaggedPdfOptions {
  title: string
  author: string
  language: LanguageCode
  layout?: 'portrait' | 'landscape'
  margins: { top: number; bottom: number; left: number; right: number }
}

/**
 * An A4 PDF that screen readers can read (tagged, titled, in its language), streamed to `output`.
 * `write` draws everything; pages are buffered so page numbers can say "of Y". A failure while
 * drawing ends the stream with the error instead of leaving a half-written file looking whole.
 */
export async function writeTaggedPdf(
  options: TaggedPdfOptions,
  output: Writable,
  write: (doc: PDFKit.PDFDocument, now: Date) => void,
): Promise<void> {
  const now = new Date()
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: options.language,
    info: { Title: options.title, Author: options.author, CreationDate: now },
  })
  const finished = pipeline(doc, output)
  try {
    write(doc, now)
    doc.end()
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)))
  }
  await finished
}
