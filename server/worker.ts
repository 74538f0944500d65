import { loadConfig } from './config'
import { createJobHandlers } from './jobs/jobHandlers'
import { openServices } from './services'

/**
 * Works the background jobs (safeguarding emails and escalation, retention) without serving pages:
 * `npm run worker`. Run web servers with WORKER=off and as many of these as you like beside them.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const deps = await openServices(config)
  await deps.jobQueue.work(createJobHandlers(deps), { timetable: true })
  deps.logger.info('Heard worker is working the job queue')
  // A job in progress finishes before the queue stops; then the database closes and the exit is clean.
  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    deps.logger.info({ signal }, 'worker shutting down')
    void deps.jobQueue
      .stop()
      .then(() => deps.db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          deps.logger.error({ err: error }, 'worker did not stop cleanly')
          process.exit(1)
        },
      )
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Heard worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
