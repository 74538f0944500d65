import { formatCsvRecord } from '../../server/exports/csvFormat'
import { readCsv } from '../../server/scorecards/files/csvReader'

describe('reading CSV', () => {
  it('splits records and fields', () => {
    expect(readCsv('indicator,period,value\n1.1,2026-Q3,12\n')).toEqual({
      rows: [
        ['indicator', 'period', 'value'],
        ['1.1', '2026-Q3', '12'],
      ],
    })
  })

  it.each([
    ['LF', 'a,b\nc,d'],
    ['CRLF', 'a,b\r\nc,d'],
    ['a lone CR', 'a,b\rc,d'],
    ['mixed', 'a,b\r\nc,d\n'],
  ])('ends records with %s', (_, text) => {
    expect(readCsv(text)).toEqual({
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    })
  })

  it('keeps empty fields', () => {
    expect(readCsv('a,,b\n,\n')).toEqual({
      rows: [
        ['a', '', 'b'],
        ['', ''],
      ],
    })
  })

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '"Bus, then walk","She said ""hello""","line one\r\nline two","line\nthree",""\r\n'
    expect(readCsv(text)).toEqual({
      rows: [['Bus, then walk', 'She said "hello"', 'line one\r\nline two', 'line\nthree', '']],
    })
  })

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(readCsv('12" screen,b')).toEqual({ rows: [['12" screen', 'b']] })
  })

  it('ignores a byte-order mark at the start only', () => {
    expect(readCsv('\uFEFFindicator,value\r\n')).toEqual({ rows: [['indicator', 'value']] })
    expect(readCsv('a,\uFEFFb')).toEqual({ rows: [['a', '\uFEFFb']] })
  })

  it('drops empty lines at the end and keeps those in between, so rows keep their place', () => {
    expect(readCsv('a\r\n\r\nb\r\n\r\n\n\r\n')).toEqual({ rows: [['a'], [''], ['b']] })
  })

  it.each([
    ['nothing', ''],
    ['a byte-order mark', '\uFEFF'],
    ['empty lines', '\r\n\n\r\n'],
  ])('reads %s as no rows', (_, text) => {
    expect(readCsv(text)).toEqual({ rows: [] })
  })

  it('gives the line an unclosed quote opens on', () => {
    expect(readCsv('a,b\nc,"d\ne,f\n')).toEqual({ error: 'unclosed-quote', line: 2 })
    expect(readCsv('"one\r\ntwo",x\r\n"three\r\nfour')).toEqual({ error: 'unclosed-quote', line: 3 })
    expect(readCsv('"""')).toEqual({ error: 'unclosed-quote', line: 1 })
  })

  it('reads back what the CSV exports write', () => {
    const records = [
      ['Question', 'Answer'],
      ['آپ اسکول کیسے جاتے ہیں؟', 'Football; Drawing, Music'],
      ['She said "hello"', 'line one\nline two'],
      ['', '"'],
    ]
    expect(readCsv(records.map(formatCsvRecord).join(''))).toEqual({ rows: records })
  })
})
