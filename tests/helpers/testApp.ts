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
import { systemClock, type Clock } from '../../server/clock'
import { createJobHandlers, type JobDependencies } from '../../server/jobs/jobHandlers'
import { createJobQueue, type JobQueue } from '../../server/jobs/jobQueue'
import type { ExportLimiter } from '../../server/exports/exportLimits'
import { stopBeforeDrop } from './beforeDrop'

let translator: Awaited<ReturnType<typeof createTranslator>> | undefined

export interface TestApp {
  app: Express
  /** Every log line the app wrote, as text, to check nothing private is logged. */
  logLines: string[]
  config: Config
  /** The app's job queue; call startWorker(testApp) to work it in the test. */
  jobQueue: JobQueue
  jobDependencies: JobDependencies
}

export interface TestAppOptions {
  /** The time the app sees (limits, holding, escalation, retention); the real clock by default. */
  clock?: Clock
  /** Where public scorecard pages and exports read from, standing for a replica; db by default. */
  readDb?: Database
  /** The export slots, so a test can see them free up; one from config.exports by default. */
  exportLimiter?: ExportLimiter
}

/** The real application on a test database, logging into memory instead of stdout. */
export async function buildTestApp(
  db: Database,
  overrides: Partial<Config> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
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
  // Tests post whole surveys in milliseconds from one address: limits are on only where a test says so.
  const defaults = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    OUTBOX_DIR: outboxDir,
    RESPONSE_LIMITS: 'off',
    JOB_POLL_SECONDS: '0.5',
  })
  const config = { ...defaults, ...overrides }
  const logger = createLogger('info', sink)
  const clock = options.clock ?? systemClock
  const mailer = createMailer(config, logger)
  const jobQueue = createJobQueue(db, logger, { pollingSeconds: config.jobPollSeconds })
  const app = createApp({
    config,
    db,
    readDb: options.readDb,
    exportLimiter: options.exportLimiter,
    logger,
    translatorFor: translator,
    sessionSecret: 'a-test-secret-that-is-long-enough-to-use',
    mailer,
    jobs: jobQueue,
    clock,
  })
  const jobDependencies = { db, config, mailer, logger, clock, jobs: jobQueue }
  return { app, logLines, config, jobQueue, jobDependencies }
}

/** Works the app's background jobs (emails, escalation, retention) until the returned stop is called. */
export async function startWorker(testApp: TestApp): Promise<() => Promise<void>> {
  await testApp.jobQueue.work(createJobHandlers(testApp.jobDependencies))
  return stopBeforeDrop(() => testApp.jobQueue.stop())
}
