import QRCode from 'qrcode'
import { SaxesParser } from 'saxes'
import { qrCodePng, qrCodeSvg } from '../../server/qrCodes/qrCode'

const link = 'https://heard.example/s/north-shire/what-i-need?from=poster&x=<1>'
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The SVG's elements, attributes and text, read with a strict XML parser that throws on bad XML. */
function parseXml(xml: string) {
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = []
  const open: (typeof elements)[number][] = []
  const parser = new SaxesParser({ xmlns: false })
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' }
    elements.push(element)
    open.push(element)
  })
  parser.on('text', (text) => {
    const current = open.at(-1)
    if (current) current.text += text
  })
  parser.on('closetag', () => open.pop())
  parser.write(xml).close()
  return elements
}

describe('qrCodePng', () => {
  // Small sizes keep this quick: pngjs is about a hundred times slower inside jest than in Node.
  it.each([120, 256, 333])('is a PNG %i pixels square', async (size) => {
    const png = await qrCodePng(link, { size })
    expect(png.subarray(0, 8)).toEqual(pngSignature)
    // The first chunk is IHDR, whose data starts with the width and height.
    expect(png.toString('latin1', 12, 16)).toBe('IHDR')
    expect(png.readUInt32BE(16)).toBe(size)
    expect(png.readUInt32BE(20)).toBe(size)
  })

  it.each([0, 20, 256.5, 10000])('refuses a size of %d', async (size) => {
    await expect(qrCodePng(link, { size })).rejects.toThrow(RangeError)
  })
})

describe('qrCodeSvg', () => {
  it('parses, and a screen reader hears a title saying what it links to', async () => {
    const elements = parseXml(await qrCodeSvg(link))
    const [svg] = elements
    const title = elements.find((element) => element.name === 'title')
    expect(svg?.name).toBe('svg')
    expect(svg?.attributes.role).toBe('img')
    expect(title?.text).toBe(`QR code linking to ${link}`)
    expect(svg?.attributes['aria-labelledby']).toBe(title?.attributes.id)
    expect(elements[1]).toBe(title)
  })

  it('keeps a quiet zone of four modules round the code, at error correction level M', async () => {
    const modules = QRCode.create(link, { errorCorrectionLevel: 'M' }).modules.size
    const elements = parseXml(await qrCodeSvg(link))
    expect(elements[0]?.attributes.viewBox).toBe(`0 0 ${modules + 8} ${modules + 8}`)
    const dark = elements.find((element) => element.name === 'path' && element.attributes.stroke)
    expect(dark?.attributes.d).toMatch(/^M4 4\.5h/)
  })

  it('takes a title in the page language', async () => {
    const elements = parseXml(
      await qrCodeSvg(link, { title: 'Cod QR i\'r arolwg "Beth sydd ei angen arnaf"' }),
    )
    expect(elements.find((element) => element.name === 'title')?.text).toBe(
      'Cod QR i\'r arolwg "Beth sydd ei angen arnaf"',
    )
  })

  it('gives different links different title ids', async () => {
    const first = parseXml(await qrCodeSvg('https://heard.example/a'))[0]
    const second = parseXml(await qrCodeSvg('https://heard.example/b'))[0]
    expect(first?.attributes['aria-labelledby']).not.toBe(second?.attributes['aria-labelledby'])
  })
})
