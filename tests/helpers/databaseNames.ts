/** One template per jest run (named in the global setup), so two runs on one server do not collide. */
export const templateDatabaseName = (): string =>
  `heard_test_template_${process.env.HEARD_TEST_RUN ?? 'local'}`

export function testDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}
