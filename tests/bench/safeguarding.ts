import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { SMTPServer } from 'smtp-server'
import { createApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { loadConfig } from '../../server/config'
import { createTranslator } from '../../server/i18n/translator'
import { jobPolicies } from '../../server/jobs/jobNames'
import { createJobHandlers } from '../../server/jobs/jobHandlers'
import { createJobQueue } from '../../server/jobs/jobQueue'
import { createLogger } from '../../server/logger'
import { createMailer } from '../../server/mail/mailer'
import { raiseAlert } from '../../server/safeguarding/alerts/raiseAlert'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { runBench } from './benchDatabase'

/*
 * Safeguarding alert benchmark: 1,000 alerts raised at once (each through raiseAlert in a transaction
 * of its own, as a submission or help request does), with the real app listening on 127.0.0.1 and
 * working its job queue in the same process, emailing two people each through SMTP to a local sink.
 * Prints how long until every email arrived, emails a second, time from each alert's commit to its
 * email's arrival, and the server's memory. Stops by itself, after at most two minutes.
 * npm run bench:safeguarding   (PostgreSQL when DATABASE_URL is set, otherwise PGlite on disk)
 */
const alerts = 1000
const raisingAtOnce = 10
const giveUpAfterMs = 110_000
const write = (line: string) => process.stdout.write(`${line}\n`)
const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`
const ms = (value: number) => `${value.toFixed(0)} ms`
const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0

/**
 * An SMTP server that notes when each alert's email arrived, by the alert handle in its link. It
 * shares the process with the app, so it reads the raw message (undoing quoted-printable's soft line
 * breaks) rather than parsing it whole, to take as little of the server's time as it can.
 */
async function startSink(onMail: (handle: string, to: string) => void) {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
          .toString('latin1')
          .replace(/=\r?\n/g, '')
        const handle = /\/manage\/alerts\/([a-z0-9]+)/.exec(raw)?.[1] ?? '?'
        onMail(handle, session.envelope.rcptTo.map((each) => each.address).join(', '))
        done()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}

const memoryNow = () => {
  const { rss, heapUsed } = process.memoryUsage()
  return `rss ${megabytes(rss)}, heap used ${megabytes(heapUsed)}`
}

runBench(async (bench) => {
  const raisedAt = new Map<string, number>()
  const arrivals: { handle: string; to: string; at: number }[] = []
  let allArrived: () => void = () => undefined
  const arrived = new Promise<void>((resolve) => (allArrived = resolve))
  const sink = await startSink((handle, to) => {
    arrivals.push({ handle, to, at: performance.now() })
    if (arrivals.length === alerts * 2) allArrived()
  })
  // As production runs: the default polling interval, logs off, the worker in the server's process.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SMTP_URL: sink.url,
    BASE_URL: 'http://127.0.0.1',
  })
  const logger = createLogger('silent')
  const mailer = createMailer(config, logger)
  const jobs = createJobQueue(bench.db, logger, { pollingSeconds: config.jobPollSeconds })
  const app = createApp({
    config,
    db: bench.db,
    logger,
    translatorFor: await createTranslator(),
    sessionSecret: 'heard-bench-secret-not-used-anywhere-else',
    mailer,
    jobs,
    clock: systemClock,
  })
  await jobs.work(createJobHandlers({ db: bench.db, config, mailer, logger, clock: systemClock, jobs }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const organisation = await insertOrganisation(bench.db)
  await addOfficer(bench.db, organisation.id, 'safeguarding')
  const contact = await addOfficer(bench.db, organisation.id, 'admin')
  await bench.db.query('UPDATE officers SET safeguarding_contact = true WHERE id = $1', [contact.id])

  const cpus = os.cpus()
  const { batchSize, localConcurrency } = jobPolicies['safeguarding-email']
  write(`database: ${bench.description}`)
  write(`machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`)
  write(
    `queue: polling every ${config.jobPollSeconds} s, ${String(localConcurrency)} workers of ${String(batchSize)} email jobs; ` +
      `${alerts} alerts, 2 recipients each, ${raisingAtOnce} raised at a time`,
  )
  write(`memory before: ${memoryNow()}`)
  const started = performance.now()
  let next = 0
  const raiser = async () => {
    while (next < alerts) {
      next += 1
      const handle = await bench.db.transaction((tx) =>
        raiseAlert(
          tx,
          jobs,
          { organisationId: organisation.id, kind: 'free-text', surveyId: null, language: 'en', reasons: [] },
          new Date(),
        ),
      )
      raisedAt.set(handle, performance.now())
    }
  }
  await Promise.all(Array.from({ length: raisingAtOnce }, raiser))
  const raised = performance.now()
  let timer: NodeJS.Timeout | undefined
  const finished = await Promise.race([
    arrived.then(() => true),
    new Promise<boolean>(
      (resolve) =>
        (timer = setTimeout(() => {
          resolve(false)
        }, giveUpAfterMs)),
    ),
  ])
  clearTimeout(timer)
  const ended = performance.now()
  write(`memory after: ${memoryNow()}`)
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve()
    })
    server.closeAllConnections()
  })
  await jobs.stop()
  await sink.close()

  const latencies = arrivals
    .map((mail) => mail.at - (raisedAt.get(mail.handle) ?? Number.NaN))
    .sort((a, b) => a - b)
  const pairs = new Set(arrivals.map((mail) => `${mail.handle} ${mail.to}`))
  write(`raising ${alerts} alerts took ${ms(raised - started)}`)
  write(
    `emails received: ${arrivals.length} of ${alerts * 2} (${pairs.size} different alert and person pairs)`,
  )
  write(`time until every email reached the sink: ${ms(ended - started)}`)
  write(`emails per second: ${((arrivals.length * 1000) / (ended - started)).toFixed(1)}`)
  write(
    `from alert raised to email received: p50 ${ms(percentile(latencies, 0.5))}, ` +
      `p95 ${ms(percentile(latencies, 0.95))}, max ${ms(latencies.at(-1) ?? 0)}`,
  )
  const passed = finished && pairs.size === arrivals.length && latencies.every((latency) => latency <= 10_000)
  write(passed ? 'every email arrived once, within 10 seconds of its alert' : 'FAILED: see the figures above')
  return passed
})
