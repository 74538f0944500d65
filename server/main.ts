import { createApp } from './app'
import { loadConfig } from './config'
import { seedDemo } from './demo/seedDemo'
import { deleteExpiredDrafts } from './respond/queries'
import { openServices } from './services'
import { deleteExpiredSessions } from './sessions/sessionStore'

const hourly = 60 * 60 * 1000

async function main(): Promise<void> {
  const config = loadConfig()
  const deps = await openServices(config)
  const { db, logger } = deps

  const clearExpired = async () => {
    const drafts = await deleteExpiredDrafts(db)
    const sessions = await deleteExpiredSessions(db)
    logger.info({ drafts, sessions }, 'expired drafts and sessions cleared')
  }
  await clearExpired()
  const timer = setInterval(
    () =>
      void clearExpired().catch((error: unknown) => {
        logger.error({ err: error }, 'clearing failed')
      }),
    hourly,
  )
  timer.unref()

  const server = createApp(deps).listen(config.port, () => {
    logger.info({ port: config.port, database: config.database.kind }, 'Heard is listening')
    if (!config.demo) return
    void seedDemo(db).then(({ created, surveyPaths }) => {
      logger.info({ created }, 'demo data ready; open a survey at:')
      for (const path of surveyPaths) process.stdout.write(`${config.baseUrl}${path}\n`)
    })
  })

  // On SIGTERM stop taking new connections, let requests in flight finish, then close the database.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    clearInterval(timer)
    server.close(() => {
      void db.close().then(() => {
        logger.info('stopped')
        process.exit(0)
      })
    })
    server.closeIdleConnections()
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 seconds; exiting')
      process.exit(1)
    }, 10_000).unref()
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  process.stderr.write(`Heard could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
