import { Writable } from 'node:stream'
import type { Express } from 'express'
import { createApp } from '../../server/app'
import { loadConfig, type Config } from '../../server/config'
import type { Database } from '../../server/db/database'
import { createTranslator } from '../../server/i18n/translator'
import { createLogger } from '../../server/logger'

let translator: Awaited<ReturnType<typeof createTranslator>> | undefined

export interface TestApp {
  app: Express
  /** Every log line the app wrote, as text, to check nothing private is logged. */
  logLines: string[]
}

/** The real application on a test database, logging into memory instead of stdout. */
export async function buildTestApp(db: Database, overrides: Partial<Config> = {}): Promise<TestApp> {
  translator ??= await createTranslator()
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString())
      done()
    },
  })
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }), ...overrides }
  const app = createApp({
    config,
    db,
    logger: createLogger('info', sink),
    translatorFor: translator,
    sessionSecret: 'a-test-secret-that-is-long-enough-to-use',
  })
  return { app, logLines }
}
