import type { AppDependencies } from './app'
import { systemClock } from './clock'
import type { Config } from './config'
import { createJobQueue, type JobQueue } from './jobs/jobQueue'
import { connectDatabase } from './db/connect'
import { connectReadReplica } from './db/connectReadReplica'
import { bringSchemaUpToDate } from './db/migrate'
import { createTranslator } from './i18n/translator'
import { createLogger } from './logger'
import { createMailer } from './mail/mailer'
import { resolveSessionSecret } from './sessions/sessionSecret'

/** Opens the database, brings its schema up to date and gathers what createApp needs. */
export async function openServices(config: Config): Promise<AppDependencies & { jobQueue: JobQueue }> {
  const logger = createLogger(config.logLevel)
  const db = await connectDatabase(config.database, config.pool)
  // MIGRATION_DATABASE_URL migrates as a role that owns the schema; otherwise see bringSchemaUpToDate.
  const applied = await bringSchemaUpToDate(db, config)
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated')
  const jobQueue = createJobQueue(db, logger, { pollingSeconds: config.jobPollSeconds })
  return {
    config,
    jobQueue,
    jobs: jobQueue,
    clock: systemClock,
    db,
    readDb: connectReadReplica(config),
    logger,
    translatorFor: await createTranslator(),
    sessionSecret: await resolveSessionSecret(db, config.sessionSecret),
    mailer: createMailer(config, logger),
  }
}
