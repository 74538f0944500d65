import pg from 'pg'
import type { Database } from './database'

// Both drivers must hand the application the same shapes: Dates for timestamps, numbers for counts.
const { builtins } = pg.types
for (const type of [builtins.DATE, builtins.TIMESTAMP, builtins.TIMESTAMPTZ])
  pg.types.setTypeParser(type, (value: string) => new Date(value))
pg.types.setTypeParser(builtins.INT8, (value: string) => Number(value))

export function connectPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 })
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await pool.query(sql, params ? [...params] : undefined)
      return result.rows as never[]
    },
    async exec(sql) {
      await pool.query(sql)
    },
    async execRows(sql) {
      const results = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[]
      return (Array.isArray(results) ? (results.at(-1)?.rows ?? []) : results.rows) as never[]
    },
    async transaction(work) {
      const client = await pool.connect()
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
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}
