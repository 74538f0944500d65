import type PgBoss from 'pg-boss'
import type { Database, Queryable } from './database'

/** pg-boss speaks to the database through this, so it runs on PGlite as well as on PostgreSQL. */
export function jobQueueAdapter(db: Queryable & Partial<Pick<Database, 'execRows'>>): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // pg-boss sends some multi-statement SQL with no parameters; PGlite prepares only one statement.
      const parameters = values as unknown[] | undefined
      if ((parameters ?? []).length === 0 && db.execRows) return { rows: await db.execRows(text) }
      return { rows: await db.query(text, parameters) }
    },
  }
}
