/**
 * A strict RFC 4180 reader for checking exports: records end with CRLF, quoted fields may hold
 * commas, doubled quotes and line breaks. Anything else malformed throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let at = 0
  for (;;) {
    let field = ''
    if (text[at] === '"') {
      at += 1
      for (;;) {
        const quote = text.indexOf('"', at)
        if (quote < 0) throw new Error(`Unclosed quote at ${at}`)
        field += text.slice(at, quote)
        at = quote + 1
        if (text[at] !== '"') break
        field += '"'
        at += 1
      }
    } else {
      const end = text.slice(at).search(/[,\r\n"]/)
      field = end < 0 ? text.slice(at) : text.slice(at, at + end)
      at = end < 0 ? text.length : at + end
      if (text[at] === '"') throw new Error(`Quote inside an unquoted field at ${at}`)
    }
    record.push(field)
    if (text[at] === ',') {
      at += 1
      continue
    }
    if (text.startsWith('\r\n', at)) {
      records.push(record)
      record = []
      at += 2
      if (at === text.length) return records
      continue
    }
    throw new Error(`Expected a comma or CRLF at ${at}, found ${JSON.stringify(text.slice(at, at + 10))}`)
  }
}
