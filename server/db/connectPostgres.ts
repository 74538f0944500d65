import pg from 'pg'
import type { Config } from '../config'
import type { Database } from './database'

// Both drivers must hand the application the same shapes: Dates for timestamps, numbers for counts.
const { builtins } = pg.types
for (const type of [builtins.DATE, builtins.TIMESTAMP, builtins.TIMESTAMPTZ])
  pg.types.setTypeParser(type, (value: string) => new Date(value))
pg.types.setTypeParser(builtins.INT8, (value: string) => Number(value))

export type PoolSettings = Config['pool'] & {
  /** How long a query may wait for a free connection before it fails (and the page says "busy"). */
  acquireTimeoutMs?: number
}

const defaultPool: PoolSettings = { size: 10, statementTimeoutMs: 15_000, lockTimeoutMs: 3_000 }

// Waiting for a connection is waiting behind other people's work: give up soon and say so.
const defaultAcquireTimeoutMs = 2_000

/**
 * A pool whose every connection opens with statement_timeout and lock_timeout already set (they
 * travel in the start-up packet, so no extra round trip), so no query can hold a connection for
 * longer than the settings allow, however slow or locked the table it waits on.
 */
export function connectPostgres(url: string, settings: Partial<PoolSettings> | number = {}): Database {
  const pool =
    typeof settings === 'number' ? { ...defaultPool, size: settings } : { ...defaultPool, ...settings }
  const connections = new pg.Pool({
    connectionString: url,
    max: pool.size,
    connectionTimeoutMillis: pool.acquireTimeoutMs ?? defaultAcquireTimeoutMs,
    statement_timeout: pool.statementTimeoutMs,
    lock_timeout: pool.lockTimeoutMs,
  })
  // A dropped idle connection must not crash the process; the pool replaces it.
  connections.on('error', () => undefined)
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await connections.query(sql, params ? [...params] : undefined)
      return result.rows as never[]
    },
    async exec(sql) {
      await connections.query(sql)
    },
    async execRows(sql) {
      const results = (await connections.query(sql)) as pg.QueryResult | pg.QueryResult[]
      return (Array.isArray(results) ? (results.at(-1)?.rows ?? []) : results.rows) as never[]
    },
    async transaction(work) {
      const client = await connections.connect()
      // A connection dropped while the transaction holds it between statements (the server
      // restarting, say) is reported as an 'error' event on the client; with no one listening that
      // would end the process. The next statement fails instead, the work is rolled back, and the
      // broken connection is thrown away rather than returned to the pool.
      let dropped: Error | undefined
      const onDropped = (error: Error) => {
        dropped = error
      }
      client.on('error', onDropped)
      try {
        await client.query('BEGIN')
        const result = await work({
          async query(sql, params) {
            const rows = await client.query(sql, params ? [...params] : undefined)
            return rows.rows as never[]
          },
          async exec(sql) {
            await client.query(sql)
          },
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.off('error', onDropped)
        client.release(dropped)
      }
    },
    async close() {
      await connections.end()
    },
  }
}
