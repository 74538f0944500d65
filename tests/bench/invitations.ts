import type { AddressInfo } from 'node:net'
import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { SMTPServer } from 'smtp-server'
import { createApp } from '../../server/app'
import { systemClock } from '../../server/clock'
import { loadConfig } from '../../server/config'
import type { Database } from '../../server/db/database'
import { createTranslator } from '../../server/i18n/translator'
import { createJobHandlers } from '../../server/jobs/jobHandlers'
import { createJobQueue } from '../../server/jobs/jobQueue'
import { createLogger } from '../../server/logger'
import { createMailer } from '../../server/mail/mailer'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAgent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { runBench } from './benchDatabase'

/*
 * Invitations benchmark: an analyst uploads a CSV of 10,000 contacts (three languages, twenty groups)
 * and sends it, through the real app and its forms; the worker in the same process then delivers
 * every invitation through SMTP to a local sink. Prints the time to upload and queue, emails a
 * second, and the process's memory at the start, middle and end of sending. Targets: queued in under
 * 10 s; delivered at 50 or more a second with flat memory. Then the builder and import figures, when
 * that benchmark is present. npm run bench:invitations  (PostgreSQL when DATABASE_URL is set)
 */
const contacts = 10_000
const queueTargetMs = 10_000
const rateTarget = 50
const giveUpAfterMs = 600_000
// The sending rate the deployment allows; high here so the sink, not the timetable, sets the pace.
const perMinute = process.env.INVITATIONS_PER_MINUTE ?? '12000'
const write = (line: string) => process.stdout.write(`${line}\n`)
const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`
const rss = () => megabytes(process.memoryUsage().rss)

function contactsCsv(): string {
  const languages = ['en', 'cy', 'ur']
  const rows = Array.from(
    { length: contacts },
    (_, index) =>
      `parent${String(index)}@example.org,Parent ${String(index)},${languages[index % 3] ?? 'en'},School ${String(index % 20)}`,
  )
  return `email,name,language,group\n${rows.join('\n')}\n`
}

/** A sink that counts messages without parsing them, so it takes little of the shared process. */
async function startSink(onMail: () => void) {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    onData(stream, _session, done) {
      stream.on('data', () => undefined)
      stream.on('end', () => {
        onMail()
        done()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}

async function builderAndImportFigures(db: Database): Promise<boolean> {
  let module: {
    benchBuilderAndImport?: (db: Database, write: (line: string) => void) => Promise<{ passed: boolean }>
  }
  try {
    module = await import('./builderAndImport.js')
  } catch {
    write('(no builder and import benchmark here)')
    return true
  }
  if (!module.benchBuilderAndImport) return true
  write('')
  return (await module.benchBuilderAndImport(db, write)).passed
}

runBench(async (bench) => {
  let delivered = 0
  const marks: { middle?: string; firstAt?: number; lastAt?: number } = {}
  let allDelivered: () => void = () => undefined
  const done = new Promise<void>((resolve) => (allDelivered = resolve))
  const sink = await startSink(() => {
    delivered += 1
    marks.firstAt ??= performance.now()
    if (delivered === contacts / 2) marks.middle = rss()
    if (delivered === contacts) {
      marks.lastAt = performance.now()
      allDelivered()
    }
  })
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SMTP_URL: sink.url,
    BASE_URL: 'http://127.0.0.1',
    INVITATIONS_PER_MINUTE: perMinute,
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
  const organisation = await insertOrganisation(bench.db)
  const { slug } = await insertSurvey(bench.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
  })
  const analyst = await signedInAgent(app, bench.db, await addOfficer(bench.db, organisation.id, 'analyst'))
  const csv = Buffer.from(contactsCsv())
  const cpus = os.cpus()
  write(`database: ${bench.description}`)
  write(
    `machine: ${String(cpus.length)} cores (${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`,
  )
  write(
    `${String(contacts)} contacts, ${(csv.length / 1024).toFixed(0)} kB of CSV; INVITATIONS_PER_MINUTE ${perMinute}`,
  )
  const rssAtStart = rss()

  const started = performance.now()
  const page = await analyst.get(paths.manage.invitationsUpload(slug))
  const uploaded = await analyst
    .post(paths.manage.invitationsUpload(slug))
    .field('_csrf', csrfTokenIn(page.text))
    .attach('file', csv, { filename: 'contacts.csv', contentType: 'text/csv' })
  const checkedAt = performance.now()
  const preview = `${uploaded.headers.location ?? ''}/preview`
  const previewPage = await analyst.get(preview)
  const sent = await analyst
    .post(preview)
    .type('form')
    .send({ reminderDays: '7, 14', _csrf: csrfTokenIn(previewPage.text) })
  const queuedAt = performance.now()
  const [queued] = await bench.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invitation_emails')
  write(`upload and check: ${(checkedAt - started).toFixed(0)} ms (status ${String(uploaded.status)})`)
  write(
    `uploaded and queued: ${(queuedAt - started).toFixed(0)} ms for ${String(queued?.n ?? 0)} emails ` +
      `(status ${String(sent.status)}; target under ${String(queueTargetMs)} ms)`,
  )

  let timer: NodeJS.Timeout | undefined
  const finished = await Promise.race([
    done.then(() => true),
    new Promise<boolean>(
      (resolve) =>
        (timer = setTimeout(() => {
          resolve(false)
        }, giveUpAfterMs)),
    ),
  ])
  clearTimeout(timer)
  const rssAtEnd = rss()
  await jobs.stop()
  await sink.close()
  const sendingMs = (marks.lastAt ?? performance.now()) - queuedAt
  const rate = (delivered * 1000) / sendingMs
  write(
    `delivered: ${String(delivered)} of ${String(contacts)} in ${(sendingMs / 1000).toFixed(1)} s after queueing`,
  )
  write(`emails a second: ${rate.toFixed(1)} (target ${String(rateTarget)} or more)`)
  write(`memory (rss): start ${rssAtStart}, middle ${marks.middle ?? '-'}, end ${rssAtEnd}`)
  const passed =
    finished &&
    uploaded.status === 303 &&
    sent.status === 303 &&
    queuedAt - started < queueTargetMs &&
    rate >= rateTarget
  write(passed ? 'invitations: every target met' : 'invitations: FAILED, see the figures above')
  return (await builderAndImportFigures(bench.db)) && passed
})
