import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import type { Database } from '../../server/db/database'
import { createTranslator } from '../../server/i18n/translator'
import { createLogger } from '../../server/logger'
import { createMailer } from '../../server/mail/mailer'
import { systemClock } from '../../server/clock'
import { createJobHandlers } from '../../server/jobs/jobHandlers'
import { createJobQueue } from '../../server/jobs/jobQueue'

export interface LocalServer {
  baseUrl: string
  /** Where the app writes the emails it sends (sign-in links), as .eml files. */
  outboxDir: string
  close(): Promise<void>
}

// A fixed secret: these servers live for one run on 127.0.0.1 and hold no real data.
const sessionSecret = 'heard-local-run-secret-not-used-anywhere-else'

/**
 * The real application on the given database, listening on 127.0.0.1 on a port the system picks.
 * The benchmark runs it as production does (views compiled once); the accessibility run as in tests.
 */
export async function serveLocally(
  db: Database,
  environment: 'test' | 'production' = 'test',
  settings: Record<string, string> = {},
): Promise<LocalServer> {
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-local-outbox-'))
  // Load runs send many responses from one address, fast: limits and holding are off here.
  const config = loadConfig({
    NODE_ENV: environment,
    LOG_LEVEL: 'silent',
    OUTBOX_DIR: outboxDir,
    RESPONSE_LIMITS: 'off',
    JOB_POLL_SECONDS: '0.5',
    ...settings,
  })
  const logger = createLogger('silent')
  const mailer = createMailer(config, logger)
  const jobQueue = createJobQueue(db, logger, { pollingSeconds: config.jobPollSeconds })
  const app = createApp({
    config,
    db,
    logger,
    translatorFor: await createTranslator(),
    sessionSecret,
    mailer,
    jobs: jobQueue,
    clock: systemClock,
  })
  await jobQueue.work(createJobHandlers({ db, config, mailer, logger, clock: systemClock, jobs: jobQueue }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    outboxDir,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
      })
      await jobQueue.stop()
    },
  }
}
