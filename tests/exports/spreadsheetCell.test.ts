import { neutraliseCell, toSpreadsheetCell } from '../../server/exports/spreadsheetCell'

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['@SUM(1)', `'@SUM(1)`],
    [`+cmd|' /C calc'!A0`, `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['=1+1', `'=1+1`],
    ['-', `'-`],
    ['+44 20 7946 0000', `'+44 20 7946 0000`],
    ['- I like the bus', `'- I like the bus`],
  ])('puts an apostrophe before the formula %j', (text, safe) => {
    expect(neutraliseCell(text)).toBe(safe)
  })

  it.each(['-5', '+44', '3.5', '-0.25', '-.5', '12', '0'])('leaves the plain number %j alone', (text) => {
    expect(neutraliseCell(text)).toBe(text)
  })

  it.each([
    [' =1+1', 'a leading space is not a formula'],
    ['', 'an empty cell'],
    ['I like = signs', 'an = after the start'],
    ['Mae angen i mi gael fy nghlywed.', 'Welsh'],
    ['ŵ â ŷ: ysgol well', 'Welsh with circumflexes'],
    ['مجھے سنا جانا چاہیے۔', 'Urdu'],
    ['اسکول = بہتر', 'Urdu with = inside'],
  ])('leaves %j alone (%s)', (text) => {
    expect(neutraliseCell(text)).toBe(text)
  })
})

describe('toSpreadsheetCell', () => {
  it('removes control characters before neutralising, so removing them cannot uncover a formula', () => {
    expect(toSpreadsheetCell('\u0007=1+1')).toBe(`'=1+1`)
    expect(toSpreadsheetCell('\u0000\u001F@SUM(1)')).toBe(`'@SUM(1)`)
  })

  it('keeps tabs and line breaks inside the text, and mends broken surrogate pairs', () => {
    expect(toSpreadsheetCell('one\ttwo\r\nthree')).toBe('one\ttwo\r\nthree')
    expect(toSpreadsheetCell('bad \uD800 pair')).toBe('bad \uFFFD pair')
    expect(toSpreadsheetCell('😀 ŵ اردو')).toBe('😀 ŵ اردو')
  })
})
