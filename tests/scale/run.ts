import { performance } from 'node:perf_hooks'
import { loadTemplate } from '../../server/surveys/templates'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { startSmtpServer } from '../helpers/smtpServer'
import {
  alertEmailedOnce,
  CheckFailed,
  csrfAcrossServers,
  exactlyOnceSubmit,
  journeysAcrossServers,
  officerAcrossServers,
  startLimitAcrossServers,
  type Check,
  type ScaleRun,
} from './checks'
import { freePort } from './freePort'
import { createScaleDatabase } from './scaleDatabase'
import { startServer, type ServerProcess } from './serverProcess'

/**
 * Two Heard servers on one PostgreSQL database, each request of each person going to the other
 * server in turn, as behind a round-robin load balancer. Prints each check and exits 1 on any failure.
 * The server is DATABASE_URL's (default postgres://postgres@127.0.0.1:5432/postgres); a fresh
 * database is made for the run and dropped after.
 */
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const startsPerWindow = 16

const checks: [string, Check][] = [
  ['respondent journeys', journeysAcrossServers],
  ['CSRF', csrfAcrossServers],
  ['officer sessions', officerAcrossServers],
  ['exactly-once send', exactlyOnceSubmit],
  ['jobs', alertEmailedOnce],
  ['rate limits', startLimitAcrossServers],
]

async function main(): Promise<boolean> {
  const began = performance.now()
  const database = await createScaleDatabase(serverUrl, 'heard_scale')
  const smtp = await startSmtpServer()
  const servers: ServerProcess[] = []
  let passed = true
  try {
    const organisation = await insertOrganisation(database.db, 'scale-council')
    const { slug } = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const admin = await addOfficer(database.db, organisation.id, 'admin', 'admin@scale.example')
    await addOfficer(database.db, organisation.id, 'safeguarding', 'safeguarding@scale.example')
    const ports = [await freePort(), await freePort()]
    const shared = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      NODE_ENV: 'production',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      WORKER: 'in-process',
      JOB_POLL_SECONDS: '0.5',
      // Behind one address, as a load balancer would present them.
      BASE_URL: `http://127.0.0.1:${String(ports[0])}`,
      RESPONSE_LIMITS: 'on',
      RESPONSE_STARTS_PER_WINDOW: String(startsPerWindow),
      RESPONSE_SUBMITS_PER_WINDOW: '1000',
      RESPONSE_MIN_SECONDS_PER_QUESTION: '0',
      RESPONSE_BURST_SUBMITS: '1000',
      RESPONSE_REPEATED_ANSWERS: '1000',
    }
    // One after the other, so the first creates the shared session secret and the second reads it.
    for (const [index, port] of ports.entries())
      servers.push(await startServer(`server ${String(index + 1)}`, { ...shared, PORT: String(port) }))
    const [first, second] = servers.map((server) => server.baseUrl)
    process.stdout.write(`two servers on one database: ${first ?? ''} and ${second ?? ''}\n`)
    const run: ScaleRun = {
      db: database.db,
      baseUrls: [first ?? '', second ?? ''],
      survey: {
        organisation: organisation.slug,
        survey: slug,
        questions: loadTemplate('what-i-need').definition.questions,
      },
      organisationId: organisation.id,
      officer: admin,
      smtp,
      startsPerWindow,
    }
    const tally = { accepted: 0 }
    for (const [name, check] of checks) {
      try {
        process.stdout.write(`PASS ${name}: ${await check(run, tally)}\n`)
      } catch (error) {
        passed = false
        const reason = error instanceof CheckFailed ? error.message : String(error)
        process.stdout.write(`FAIL ${name}: ${reason}\n`)
      }
    }
  } finally {
    const codes = await Promise.all(servers.map((server) => server.stop()))
    if (!passed)
      for (const server of servers) process.stdout.write(`--- server output ---\n${server.output()}\n`)
    process.stdout.write(`servers stopped with exit codes ${codes.join(', ')}\n`)
    await smtp.close()
    await database.drop()
  }
  process.stdout.write(
    `${passed ? 'all checks passed' : 'FAILED'} in ${((performance.now() - began) / 1000).toFixed(1)} s\n`,
  )
  return passed
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(
      `test:scale could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(1)
  },
)
