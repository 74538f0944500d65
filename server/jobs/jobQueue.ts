import PgBoss from 'pg-boss'
import type { Database, Queryable } from '../db/database'
import { jobQueueAdapter } from '../db/jobQueueAdapter'
import type { Logger } from '../logger'
import { jobNames, jobPolicies, jobTimetable, type JobName } from './jobNames'
import { jobQueueSchema } from './jobQueueQueries'

export type JobData = Record<string, string | number | boolean | null>
export type JobHandler = (data: JobData) => Promise<void>
export type JobHandlers = Partial<Record<JobName, JobHandler>>

export interface EnqueueOptions {
  /** Not before this time (for example an escalation check). */
  startAfter?: Date
}

/** Puts jobs on the queue. Enqueue inside the transaction that writes what the job is about. */
export interface JobSender {
  enqueue(tx: Queryable, name: JobName, data: JobData, options?: EnqueueOptions): Promise<void>
}

export interface JobQueue extends JobSender {
  /** Starts working the named jobs in this process (and the timetable, when asked). */
  work(handlers: JobHandlers, options?: { timetable?: boolean }): Promise<void>
  stop(): Promise<void>
}

/**
 * The database job queue (pg-boss 10, the newest major that runs on Node 20). Jobs are rows in the
 * same database as everything else, so a job enqueued in a transaction exists exactly when what it
 * is about was committed, survives a restart, and is taken by one worker among several servers.
 */
export function createJobQueue(db: Database, logger: Logger, options: { pollingSeconds: number }): JobQueue {
  // Sending needs no started queue: it is one INSERT, made on the caller's transaction.
  const sender = new PgBoss({ db: jobQueueAdapter(db), schema: jobQueueSchema, migrate: false })
  let worker: PgBoss | undefined
  return {
    async enqueue(tx, name, data, enqueueOptions = {}) {
      await sender.send(name, data, {
        db: jobQueueAdapter(tx),
        ...(enqueueOptions.startAfter ? { startAfter: enqueueOptions.startAfter } : {}),
      })
    },
    async work(handlers, workOptions = {}) {
      if (worker) throw new Error('The job queue is already working')
      const boss = new PgBoss({
        db: jobQueueAdapter(db),
        schema: jobQueueSchema,
        migrate: false,
        supervise: true,
        schedule: workOptions.timetable ?? false,
        maintenanceIntervalSeconds: 120,
      })
      boss.on('error', (error: unknown) => {
        logger.error({ err: error }, 'job queue error')
      })
      await boss.start()
      worker = boss
      for (const name of jobNames) {
        const handler = handlers[name]
        if (!handler) continue
        // Each of the job's workers takes a batch and works it all at once; a job that fails is failed
        // alone, so only it is retried. A full batch means more are waiting, so that worker fetches
        // again at once instead of after the polling interval: a burst drains at the speed of the work.
        const { batchSize, localConcurrency } = jobPolicies[name]
        for (let each = 0; each < localConcurrency; each += 1) {
          const worker = { id: '' }
          worker.id = await boss.work<JobData>(
            name,
            { pollingIntervalSeconds: options.pollingSeconds, batchSize },
            async (jobs) => {
              await Promise.all(
                jobs.map((job) =>
                  handler(job.data).catch(async (error: unknown) => {
                    const message = error instanceof Error ? error.message : 'failed'
                    logger.warn({ job: name }, 'job failed; the queue will try it again')
                    await boss.fail(name, job.id, { message })
                  }),
                ),
              )
              if (jobs.length === batchSize && worker.id) boss.notifyWorker(worker.id)
            },
          )
        }
      }
      if (workOptions.timetable)
        for (const { name, cron } of jobTimetable)
          await boss.schedule(name, cron, {}, { tz: 'Europe/London' })
    },
    async stop() {
      const stopping = worker
      worker = undefined
      await stopping?.stop({ graceful: true, wait: true, timeout: 5000 })
    },
  }
}
