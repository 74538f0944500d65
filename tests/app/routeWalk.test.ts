import fc from 'fast-check'
import request from 'supertest'
import { raiseAlert } from '../../server/safeguarding/alerts/raiseAlert'
import type { Role } from '../../server/officers/roles'
import { addOfficer, signedInAs, type Agent } from '../helpers/officers'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { csrfTokenIn, Respondent } from '../helpers/respondent'
import { parameterNames, routeTable, withParameters, type RouteEntry } from '../helpers/routeTable'
import { startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'

/**
 * Every route, asked by every kind of visitor with random ids, query strings and form bodies, answers
 * with a page or a refusal and never with a server error. Posts carry the visitor's real CSRF token, so
 * they reach the route handlers. The seed is fixed so a failure repeats; set ROUTE_WALK_SEED to try
 * another. fast-check prints the seed and the smallest request that failed.
 */
const seed = Number(process.env.ROUTE_WALK_SEED ?? 20261204)
const randomRuns = Number(process.env.ROUTE_WALK_RUNS ?? 600)

const database = useTestDatabase()
let testApp: TestApp
let routes: RouteEntry[]
const visitors = new Map<string, { agent: Agent; token: string }>()
/** Real values for each route parameter, so random requests also reach things that exist. */
const known: Record<string, string[]> = {}

/** Text that breaks naive code, already percent-encoded for a path, query or form body. */
const nasty = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%ED%B0%80x',
  '%C0%80',
  '%C0',
  '%FF',
  '%F0%9F%98',
  '%',
  '%zz',
  '99999999999999999999999999',
  '-1',
  '0',
  '1e309',
  'NaN',
  '------------------------------------',
  '00000000-0000-0000-0000-00000000000g',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  '%3Cscript%3E',
  "'%3B--",
  'x'.repeat(3000),
]

const encodedText = fc.oneof(
  fc.constantFrom(...nasty),
  fc.uuid(),
  fc.integer().map(String),
  fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
)

const parameterValue = (name: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(known[name] ?? ['x'])) },
    { weight: 3, arbitrary: encodedText },
  )

const fieldNames = fc.constantFrom(
  'answer',
  'email',
  'role',
  'statement',
  'wording',
  'number',
  'value',
  'commentary',
  'youSaid',
  'weDid',
  'entry',
  'theme',
  'themes',
  'reference',
  'language',
  'period',
  'decision',
  'responses',
  'code',
  'label',
  'hours',
  'q',
  'from',
  'to',
  'action',
  'actor',
  'lang',
  'a[]',
  '__proto__',
  '__proto__[polluted]',
  'constructor[prototype][x]',
  'token',
  'responseId',
  'responses',
  'questionId',
  'formKey',
  'heldUpTo',
  'contactMethod',
  'answersMayBeSeen',
  'group',
  'back',
  'newTheme',
  'phrase',
  'year',
  'month',
  'day',
  'target',
  'baselineValue',
  'baselineDate',
  'amberTolerance',
  'kind',
  'outcome',
  'survey',
  'note',
  'message',
)

/** key=value pairs joined as a query string or a form body, keys repeated to make arrays. */
const pairs = fc
  .array(fc.tuple(fc.oneof(fieldNames, encodedText), encodedText), { maxLength: 6 })
  .map((list) => list.map(([key, value]) => `${key}=${value}`).join('&'))

const pathFor = (route: string, values: Record<string, string>) =>
  withParameters(route, (name) => values[name] ?? 'x')

/** The random pairs as the bytes of a CSV file: one line a pair, escapes decoded to raw bytes. */
const csvBytes = (body: string) =>
  Buffer.from(
    body
      .replace(/&/g, '\n')
      .replace(/=/g, ',')
      .replace(/%([0-9A-Fa-f]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  )

async function send(visitor: string, route: RouteEntry, path: string, query: string, body: string) {
  const signOut = route.path === '/sign-out'
  // Signing out would end the visitor's session for the rest of the walk: a stranger does it instead.
  const { agent, token } = signOut ? await newVisitor() : (visitors.get(visitor) ?? (await newVisitor()))
  const target = query === '' ? path : `${path}?${query}`
  if (route.method === 'GET') return agent.get(target)
  // The import form is a file upload; its token travels inside the multipart body.
  if (route.path === '/manage/scorecards/import')
    return agent.post(target).field('_csrf', token).attach('file', csvBytes(body), 'figures.csv')
  return agent
    .post(target)
    .type('form')
    .send(body === '' ? `_csrf=${token}` : `${body}&_csrf=${token}`)
}

async function newVisitor() {
  const agent = request.agent(testApp.app)
  const page = await agent.get('/sign-in')
  return { agent, token: csrfTokenIn(page.text) }
}

const describeFailure = (status: number, line: string) => `${line} answered ${status}`

beforeAll(async () => {
  // A deadline's busy page is the right answer on a loaded machine, but not what this test looks for.
  testApp = await buildTestApp(database.db, { requestTimeoutMs: 120_000 })
  const db = database.db
  const organisation = await insertOrganisation(db, 'walked-council')
  await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  const admin = await signedInAs(testApp.app, db, { organisationId: organisation.id, role: 'admin' })
  await startFrameworkFromTemplate(admin)
  const spare = await addOfficer(db, organisation.id, 'viewer')
  const alert = await db.transaction((tx) =>
    raiseAlert(
      tx,
      testApp.jobQueue,
      { organisationId: organisation.id, kind: 'free-text', surveyId: null, language: 'en', reasons: [] },
      new Date(),
    ),
  )
  Object.assign(known, {
    organisation: [organisation.slug, 'no-such-council'],
    survey: ['what-i-need', 'no-such-survey'],
    question: ['listened-to', 'life-better', 'age-group'],
    officer: [spare.handle],
    alert: [alert],
    outcome: ['listened-to', 'no-such-outcome'],
    indicator: ['1-1', '1-2', '9-9'],
    language: ['en', 'cy', 'ur', 'fr'],
    period: ['2026-q1', '2025-26-q4', 'latest'],
    code: ['ABC123'],
    token: ['not-a-real-token'],
  })

  const respondent = new Respondent(testApp.app, organisation.slug, 'what-i-need')
  await respondent.begin()
  const respondentPage = await respondent.get(respondent.questionPath('listened-to'))
  visitors.set('respondent', { agent: respondent.agent, token: csrfTokenIn(respondentPage.text) })
  visitors.set('stranger', await newVisitor())
  for (const role of ['viewer', 'analyst', 'admin', 'safeguarding'] as Role[]) {
    const agent = await signedInAs(testApp.app, db, { organisationId: organisation.id, role })
    const page = await agent.get('/manage')
    visitors.set(role, { agent, token: csrfTokenIn(page.text) })
  }
  routes = routeTable(testApp.app).filter((route) => route.method === 'GET' || route.method === 'POST')
}, 60_000)

it('every route answers every kind of visitor, with real ids and no body, without a server error', async () => {
  const failures: string[] = []
  for (const route of routes)
    for (const visitor of visitors.keys()) {
      const values = Object.fromEntries(
        parameterNames(route.path).map((name) => [name, known[name]?.[0] ?? 'x']),
      )
      const response = await send(visitor, route, pathFor(route.path, values), '', '')
      if (response.status >= 500)
        failures.push(describeFailure(response.status, `${visitor} ${route.method} ${route.path}`))
    }
  expect(failures).toEqual([])
}, 120_000)

it('no route answers random ids, query strings and bodies with a server error', async () => {
  const requests = fc
    .record({ route: fc.constantFrom(...routes), visitor: fc.constantFrom(...visitors.keys()) })
    .chain(({ route, visitor }) =>
      fc.record({
        route: fc.constant(route),
        visitor: fc.constant(visitor),
        values: fc.record(
          Object.fromEntries(parameterNames(route.path).map((name) => [name, parameterValue(name)])),
        ),
        query: pairs,
        body: pairs,
      }),
    )
  await fc.assert(
    fc.asyncProperty(requests, async ({ route, visitor, values, query, body }) => {
      const path = pathFor(route.path, values)
      const response = await send(visitor, route, path, query, body)
      if (response.status >= 500)
        throw new Error(
          describeFailure(response.status, `${visitor} ${route.method} ${path}?${query} [${body}]`),
        )
    }),
    { seed, numRuns: randomRuns, verbose: true, endOnFailure: true },
  )
}, 240_000)
