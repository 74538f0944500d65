import { csvByteOrderMark, formatCsvField, formatCsvRecord } from '../../server/exports/csvFormat'

describe('CSV format', () => {
  it('leaves plain fields as they are', () => {
    expect(formatCsvField('Bus')).toBe('Bus')
    expect(formatCsvField('')).toBe('')
    expect(formatCsvField('آپ اسکول کیسے جاتے ہیں؟')).toBe('آپ اسکول کیسے جاتے ہیں؟')
  })

  it.each([
    ['Football; Drawing, Music', '"Football; Drawing, Music"'],
    ['She said "hello"', '"She said ""hello"""'],
    ['line one\nline two', '"line one\nline two"'],
    ['line one\r\nline two', '"line one\r\nline two"'],
    ['"', '""""'],
  ])('quotes %j', (text, quoted) => {
    expect(formatCsvField(text)).toBe(quoted)
  })

  it('ends each record with CRLF', () => {
    expect(formatCsvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n')
  })

  it('has the UTF-8 byte-order mark', () => {
    expect(Buffer.from(csvByteOrderMark, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  })
})
