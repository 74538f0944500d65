/** The one interface the application uses for SQL, served by PGlite or by a PostgreSQL pool. */
export type Row = Record<string, unknown>

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Runs SQL that may hold several statements and no parameters, returning the last one's rows (the job queue's own SQL). */
  execRows(sql: string): Promise<Row[]>
  close(): Promise<void>
}
