import type { Database, Queryable } from '../../server/db/database'

/**
 * The database as a server that dies sees it: after kill(), no call made through it returns, so that
 * server can change nothing more and fails nothing either, as a stopped process cannot. At the end of
 * a test, settleOn(db) lets the held calls run on another connection, so the dead server's leftovers
 * finish (finding nothing left to do) and its job queue can stop cleanly.
 */
export function killableDatabase(db: Database) {
  let target = db
  let dead = false
  const held: (() => void)[] = []
  const whenAlive = <T>(call: (current: Database) => Promise<T>): Promise<T> =>
    dead
      ? new Promise<T>((resolve, reject) =>
          held.push(() => {
            call(target).then(resolve, reject)
          }),
        )
      : call(target)
  const guard = (queryable: () => Queryable): Queryable => ({
    query: (sql, params) => whenAlive(() => queryable().query(sql, params)),
    exec: (sql) => whenAlive(() => queryable().exec(sql)),
  })
  const guarded: Database = {
    kind: db.kind,
    ...guard(() => target),
    execRows: (sql) => whenAlive((current) => current.execRows(sql)),
    transaction: (work) => whenAlive((current) => current.transaction((tx) => work(guard(() => tx)))),
    close: () => Promise.resolve(),
  }
  return {
    db: guarded,
    kill() {
      dead = true
    },
    settleOn(live: Database) {
      target = live
      dead = false
      for (const run of held.splice(0)) run()
    },
  }
}
