import pg from 'pg'

/** One template per jest run (named in the global setup), so two runs on one server do not collide. */
export const templateDatabaseName = (): string =>
  `heard_test_template_${process.env.HEARD_TEST_RUN ?? 'local'}`

export function testDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** Runs one statement (CREATE or DROP DATABASE) on the server through a short-lived connection. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}
