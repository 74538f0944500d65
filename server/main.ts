import { createApp } from './app'
import { createJobHandlers } from './jobs/jobHandlers'
import { loadConfig } from './config'
import { demoSignInPath } from './demo/demoSignInLink'
import { demoOrganisation, seedDemo } from './demo/seedDemo'
import { paths } from './paths'
import { signInLinkMinutes } from './signIn/signInLinks'
import { recomputeAllFacts } from './scorecards/recomputeFacts'
import { openServices } from './services'
import { deleteExpiredSessions } from './sessions/sessionStore'
import { deleteOldSignInRequests } from './signIn/rateLimit'
import { deleteSpentSignInLinks } from './signIn/signInLinks'

const hourly = 60 * 60 * 1000

/** Creates the demo on an empty database and prints where to start: each survey, and the admin's sign-in. */
async function showDemo(deps: Awaited<ReturnType<typeof openServices>>): Promise<void> {
  const { db, config, logger } = deps
  const { created, surveyPaths } = await seedDemo(db, deps.translatorFor('en'))
  const signIn = await demoSignInPath(db)
  logger.info({ created }, 'demo data ready')
  const lines = [
    'Answer a demo survey:',
    ...surveyPaths.map((path) => `${config.baseUrl}${path}`),
    'Read its published outcome scorecards:',
    `${config.baseUrl}${paths.publicScorecards.list(demoOrganisation.slug)}`,
    ...(signIn
      ? [
          `Sign in as the demo admin (the link works once, for ${signInLinkMinutes} minutes):`,
          `${config.baseUrl}${signIn}`,
        ]
      : []),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

async function main(): Promise<void> {
  const config = loadConfig()
  const deps = await openServices(config)
  const { db, logger } = deps

  const clearExpired = async () => {
    // Expired drafts hold answers: the nightly retention sweep deletes them, counted in the audit log.
    const sessions = await deleteExpiredSessions(db)
    const links = await deleteSpentSignInLinks(db)
    const requests = await deleteOldSignInRequests(db)
    // PostgreSQL's autovacuum keeps planner statistics fresh; the embedded database has none, and
    // without statistics it picks slow plans for large tables (exports, results).
    if (db.kind === 'pglite') await db.exec('ANALYZE')
    logger.info({ sessions, links, requests }, 'expired sessions and sign-in links cleared')
    logger.info(await recomputeAllFacts(db), 'scorecard figures recalculated')
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

  if (config.worker === 'in-process') await deps.jobQueue.work(createJobHandlers(deps), { timetable: true })

  const server = createApp(deps).listen(config.port, config.host, () => {
    logger.info(
      { host: config.host, port: config.port, database: config.database.kind },
      'Heard is listening',
    )
    if (!config.demo) return
    void showDemo(deps).catch((error: unknown) => {
      logger.error({ err: error }, 'demo data could not be created')
    })
  })

  // On SIGTERM stop taking new connections, let requests in flight finish, then close the database.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    clearInterval(timer)
    server.close(() => {
      void deps.jobQueue
        .stop()
        .then(() => db.close())
        .then(() => {
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
