import { createHash } from 'node:crypto'
import QRCode from 'qrcode'

/**
 * Level M recovers from about 15% damage: enough for a printed poster that gets scuffed, without
 * the denser pattern of Q or H that old phone cameras struggle with. The quiet zone is the four
 * blank modules round the code that the QR standard asks for, so scanners find its edge.
 */
const errorCorrectionLevel = 'M'
const quietZone = 4
const largestPng = 4096

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/**
 * A QR code for a link as SVG, ready to put in a page or a print: role="img" and a title make a
 * screen reader say what it links to instead of skipping it or reading out its path. The title's
 * id comes from the link, so two different codes on one page never share an id. Pass `title` in
 * the page's language; the English default names the link.
 */
export async function qrCodeSvg(url: string, options: { title?: string } = {}): Promise<string> {
  const svg = (await QRCode.toString(url, { type: 'svg', errorCorrectionLevel, margin: quietZone })).trim()
  const titleId = `qr-code-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`
  const title = options.title ?? `QR code linking to ${url}`
  const openingEnd = svg.indexOf('>')
  if (!svg.startsWith('<svg ') || openingEnd < 0) throw new Error('qrcode did not return an SVG')
  const opening = svg.slice(0, openingEnd).replace('<svg ', `<svg role="img" aria-labelledby="${titleId}" `)
  return `${opening}><title id="${titleId}">${escapeXml(title)}</title>${svg.slice(openingEnd + 1)}`
}

/**
 * A QR code for a link as a PNG exactly `size` pixels square, e.g. for a printed letter. Throws a
 * RangeError when the size is too small to give every module a pixel (it could not be scanned) or
 * larger than any print needs.
 */
export async function qrCodePng(url: string, options: { size: number }): Promise<Buffer> {
  const { size } = options
  const modules = QRCode.create(url, { errorCorrectionLevel }).modules.size + 2 * quietZone
  if (!Number.isInteger(size) || size < modules || size > largestPng)
    throw new RangeError(`A QR code for this link must be ${modules} to ${largestPng} pixels wide`)
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel, margin: quietZone, width: size })
}
