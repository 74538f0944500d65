import { performance } from 'node:perf_hooks'
import type { Database, Queryable } from '../../../server/db/database'

/** One statement the app sent, with when it was sent and when its rows came back. */
export interface TimedStatement {
  sql: string
  params: readonly unknown[]
  started: number
  ended: number
}

/**
 * The database with every statement timed, in a transaction or not, so a benchmark can say which
 * statements a page or a recalculation spends its time in. take() hands over what has been
 * recorded since the last take.
 */
export function timedDatabase(db: Database): { db: Database; take(): TimedStatement[] } {
  let recorded: TimedStatement[] = []
  const timed = async <T>(sql: string, params: readonly unknown[], run: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    try {
      return await run()
    } finally {
      recorded.push({ sql, params, started, ended: performance.now() })
    }
  }
  const timing = (queryable: Queryable): Queryable => ({
    query: (sql, params) => timed(sql, params ?? [], () => queryable.query(sql, params)),
    exec: (sql) => timed(sql, [], () => queryable.exec(sql)),
  })
  return {
    db: {
      ...timing(db),
      kind: db.kind,
      transaction: (work) => db.transaction((tx) => work(timing(tx))),
      execRows: (sql) => timed(sql, [], () => db.execRows(sql)),
      close: () => db.close(),
    },
    take() {
      const taken = recorded
      recorded = []
      return taken
    },
  }
}

/**
 * Each statement with the time it alone kept the caller waiting: from when it was sent, or when the
 * statement finishing before it finished if that was later, to its own end. PGlite runs statements
 * one after another, so for statements sent together (Promise.all) this is each one's own running
 * time rather than its wait in the queue; the times add up to how long anything was outstanding.
 */
export function ownTimes(
  statements: readonly TimedStatement[],
): { statement: TimedStatement; own: number }[] {
  let previousEnd = Number.NEGATIVE_INFINITY
  return [...statements]
    .sort((a, b) => a.ended - b.ended)
    .map((statement) => {
      const own = statement.ended - Math.max(statement.started, previousEnd)
      previousEnd = statement.ended
      return { statement, own }
    })
}

/** A statement in a few words for a report line: its text on one line, cut short. */
export const statementText = (sql: string, length = 70): string => {
  const oneLine = sql.replace(/\s+/g, ' ').trim()
  return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine
}

/** The time of each kind of statement (each one's own time, as ownTimes), the kinds named by the caller, most first. */
export function millisecondsByKind(
  statements: readonly TimedStatement[],
  kindOf: (statement: TimedStatement) => string,
): [kind: string, milliseconds: number][] {
  const sums = new Map<string, number>()
  for (const { statement, own } of ownTimes(statements)) {
    const kind = kindOf(statement)
    sums.set(kind, (sums.get(kind) ?? 0) + own)
  }
  return [...sums].sort((a, b) => b[1] - a[1])
}
