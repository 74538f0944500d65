import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { Express } from 'express'
import { createApp } from '../../server/app'
import { loadConfig, type Config } from '../../server/config'
import type { Database } from '../../server/db/database'
import { createTranslator } from '../../server/i18n/translator'
import { createLogger } from '../../server/logger'
import { createMailer } from '../../server/mail/mailer'

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
  // Mail goes to a real SMTP server when a test starts one; otherwise to an outbox folder of its own.
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-outbox-'))
  const defaults = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', OUTBOX_DIR: outboxDir })
  const config = { ...defaults, ...overrides }
  const logger = createLogger('info', sink)
  const app = createApp({
    config,
    db,
    logger,
    translatorFor: translator,
    sessionSecret: 'a-test-secret-that-is-long-enough-to-use',
    mailer: createMailer(config, logger),
  })
  return { app, logLines }
}
