import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import type { Mailer } from '../mail/mailer'
import type { JobHandlers, JobSender } from './jobQueue'

export interface JobDependencies {
  db: Database
  config: Config
  mailer: Mailer
  logger: Logger
  clock: Clock
  jobs: JobSender
}

/** What each background job does. Each handler is safe to run twice. */
export function createJobHandlers(deps: JobDependencies): JobHandlers {
  const { logger } = deps
  logger.debug('job handlers ready')
  return {}
}
