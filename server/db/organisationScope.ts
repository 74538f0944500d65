import { AsyncLocalStorage } from 'node:async_hooks'
import type { RequestHandler } from 'express'
import type { Database, Queryable } from './database'

/**
 * The organisation whose officer made the request now being answered. Row-level security
 * (migration 0010) shows a transaction only that organisation's rows once it is set, as a backstop
 * under every query's own organisation_id condition. Public pages, respondents, jobs and
 * migrations run outside any scope and see every row, as they find their organisation themselves.
 */
const currentScope = new AsyncLocalStorage<{ organisationId: string }>()

/**
 * The role a scoped transaction takes on the embedded database. Its one user is a superuser, and
 * superusers pass every row-level policy; this role does not (see migrate.ts, which makes it).
 */
export const scopedRole = 'heard_scoped'

/** Runs work with every query through a scoped Database limited to one organisation's rows. */
export function runInOrganisationScope<T>(organisationId: string, work: () => T): T {
  return currentScope.run({ organisationId }, work)
}

/** Mounted after requireOfficer: everything the request does from here on is the officer's organisation's. */
export const enterOrganisationScope: RequestHandler = (req, _res, next) => {
  if (!req.officer) {
    next()
    return
  }
  runInOrganisationScope(req.officer.organisationId, () => {
    next()
  })
}

const scopedDatabases = new WeakSet<Database>()

/**
 * A Database that, inside a scope, runs each query and transaction in a transaction of its own that
 * first sets heard.organisation_id (and, on the embedded database, a role row-level security binds).
 * Outside a scope it is the database it wraps. Both settings are local to the transaction, so a
 * pooled connection carries nothing over to the next request.
 */
export function scopeByOrganisation(db: Database): Database {
  if (scopedDatabases.has(db)) return db
  const enter = async (tx: Queryable, organisationId: string) => {
    if (db.kind === 'pglite')
      await tx.query(`SELECT set_config('heard.organisation_id', $1, true), set_config('role', $2, true)`, [
        organisationId,
        scopedRole,
      ])
    else await tx.query(`SELECT set_config('heard.organisation_id', $1, true)`, [organisationId])
  }
  const inScope = <T>(work: (tx: Queryable) => Promise<T>, unscoped: () => Promise<T>): Promise<T> => {
    const scope = currentScope.getStore()
    if (!scope) return unscoped()
    return db.transaction(async (tx) => {
      await enter(tx, scope.organisationId)
      return work(tx)
    })
  }
  const scoped: Database = {
    ...db,
    query: (sql, params) =>
      inScope(
        (tx) => tx.query(sql, params),
        () => db.query(sql, params),
      ),
    exec: (sql) =>
      inScope(
        (tx) => tx.exec(sql),
        () => db.exec(sql),
      ),
    transaction: (work) => inScope(work, () => db.transaction(work)),
  }
  scopedDatabases.add(scoped)
  return scoped
}
