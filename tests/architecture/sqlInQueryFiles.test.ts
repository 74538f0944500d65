import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../server/projectRoot'
import { importGraph } from './importGraph'

/**
 * SQL runs only from query files (`queries.ts`, `...Queries.ts`) and from server/db/ (the drivers,
 * migrations and the job queue's adapter), so every statement of a capability is found in one place
 * and everything else calls it by a name.
 */
const isQueryFile = (module: string) =>
  module.startsWith('server/db/') || /(?:^|\/)(?:queries|\w+Queries)\.ts$/.test(module)

// A call of .query, .exec or .execRows, with or without type arguments, the dot on its own line or not.
const sqlCall = /\.\s*(?:query|exec|execRows)\s*[<(]/g

/**
 * RegExp#exec is not SQL: its receiver is a regex literal (`/.../u.exec(`) or a name ending in
 * Pattern, Patterns or pattern, indexed or not (`keyPatterns[frequency].exec(`).
 */
function isRegExp(receiver: string): boolean {
  const indexed = receiver.endsWith(']') ? receiver.slice(0, receiver.lastIndexOf('[')) : receiver
  return /\/[dgimsuvy]*$/.test(receiver) || /[Pp]atterns?$/.test(indexed)
}

/** The lines of a source that call .query, .exec or .execRows on something other than a RegExp. */
function sqlCallLines(text: string): number[] {
  return [...text.matchAll(sqlCall)]
    .filter((match) => !isRegExp(text.slice(0, match.index).trimEnd()))
    .map((match) => text.slice(0, match.index).split('\n').length)
}

const sourceOf = (module: string) => fs.readFileSync(path.join(projectRoot, module), 'utf8')

describe('SQL in query files', () => {
  it('has no SQL call outside query files and server/db/', () => {
    const outside = [...importGraph('server').keys()]
      .filter((module) => !isQueryFile(module))
      .flatMap((module) => sqlCallLines(sourceOf(module)).map((line) => `${module}:${String(line)}`))
    expect(outside).toEqual([])
  })

  it('tells a RegExp#exec from a SQL call', () => {
    const regexCalls = [
      '/^under-(\\d+)$/.exec(band)',
      'keyPatterns[frequency].exec(key)',
      'tokenPattern.exec(token)',
    ]
    const sqlCalls = [
      "db.query('SELECT 1')",
      'tx.query<{ id: string }>(sql, [id])',
      'this.db\n  .query(sql)',
      "db.exec('ANALYZE')",
      'db.execRows(plans)',
    ]
    expect(regexCalls.filter((source) => sqlCallLines(source).length > 0)).toEqual([])
    expect(sqlCalls.filter((source) => sqlCallLines(source).length !== 1)).toEqual([])
  })
})
