import { createApp } from './app'
import { refreshEmbeddedStatistics } from './db/plannerStatistics'
import { drainConnections } from './drainConnections'
import { createJobHandlers } from './jobs/jobHandlers'
import { loadConfig } from './config'
import { demoSignInPath } from './demo/demoSignInLink'
import { demoOrganisation, seedDemo } from './demo/seedDemo'
import { paths } from './paths'
import { signInLinkMinutes } from './signIn/signInLinks'
import { recomputeAllFacts } from './scorecards/store/recomputeFacts'
import { openServices } from './services'
import { deleteExpiredSessions } from './sessions/sessionQueries'
import { deleteOldSignInRequests } from './signIn/rateLimit'
import { deleteSpentSignInLinks } from './signIn/linkQueries'

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
    await refreshEmbeddedStatistics(db)
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

  // On SIGTERM stop taking new connections, close keep-alive connections as each response ends, let
  // requests in flight finish, stop the job queue and close the database, then exit 0: a rolling
  // deploy cuts no request. The fallback allows longer than any request's own deadline.
  const connections = drainConnections(server)
  let stopping = false
  let exiting = false
  const closeAndExit = async (code: number) => {
    if (exiting) return
    exiting = true
    await deps.jobQueue.stop().catch((error: unknown) => {
      logger.error({ err: error }, 'the job queue did not stop cleanly')
    })
    for (const each of [db, deps.readDb]) {
      await each?.close().catch((error: unknown) => {
        logger.error({ err: error }, 'the database did not close cleanly')
      })
    }
    logger.info({ code }, 'stopped')
    process.exit(code)
  }
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, inFlight: connections.inFlight() }, 'shutting down')
    clearInterval(timer)
    connections.drain(() => void closeAndExit(0))
    setTimeout(() => {
      logger.error({ inFlight: connections.inFlight() }, 'requests in flight did not finish in time; exiting')
      server.closeAllConnections()
      void closeAndExit(1)
    }, config.requestTimeoutMs + 5_000).unref()
  }
  // A second signal while draining must not kill the process with requests still in flight.
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  process.stderr.write(`Heard could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
