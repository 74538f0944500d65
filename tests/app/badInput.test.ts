import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { routeTable, withParameters, type RouteEntry } from '../helpers/routeTable'
import { startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'

const database = useTestDatabase()
let testApp: TestApp
let admin: Agent
let token: string
let routesWithParameters: RouteEntry[]
const badRequestHeading = 'There was a problem with what was sent'
const notFoundHeading = 'Page not found'

beforeAll(async () => {
  testApp = await buildTestApp(database.db, { requestTimeoutMs: 60_000 })
  const organisation = await insertOrganisation(database.db, 'bad-input-council')
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  admin = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'admin' })
  await startFrameworkFromTemplate(admin)
  token = csrfTokenIn((await admin.get(paths.manage.surveys)).text)
  routesWithParameters = routeTable(testApp.app).filter(
    (route) => (route.method === 'GET' || route.method === 'POST') && route.path.includes('/:'),
  )
})

const send = (route: RouteEntry, value: string) => {
  const path = withParameters(route.path, () => value)
  return route.method === 'GET' ? admin.get(path) : admin.post(path).type('form').send(`_csrf=${token}`)
}

/** Each route with a parameter, asked with this text in every parameter, as "METHOD /path status". */
async function answersTo(value: string): Promise<string[]> {
  const answers: string[] = []
  for (const route of routesWithParameters) {
    const response = await send(route, value)
    answers.push(`${route.method} ${route.path} ${response.status}`)
  }
  return answers
}

/**
 * Answers that are right for any value: a GET of a respondent action that only takes a POST sends the
 * browser back to the start (whose page is then the 404), and a sign-in link that is not a live one
 * says it has expired, whatever it holds, so it tells nobody which links were ever real.
 */
const sameForAnyValue: Record<string, number> = {
  'GET /s/:organisation/:survey/start': 303,
  'GET /s/:organisation/:survey/submit': 303,
  'GET /sign-in/link/:token': 410,
}

const expected = (status: number) =>
  routesWithParameters.map((route) => {
    const line = `${route.method} ${route.path}`
    return `${line} ${status === 404 ? (sameForAnyValue[line] ?? status) : status}`
  })

describe('a route parameter with text no link of ours holds', () => {
  it.each([
    ['a NUL byte', 'a%00b'],
    ['an escape character', 'a%1Bb'],
    ['half a surrogate pair', 'a%ED%A0%80b'],
    ['an overlong encoding', 'a%C0%80b'],
    ['a byte that is never UTF-8', 'a%FFb'],
  ])('with %s gets the 400 page on every route', async (_name, encoded) => {
    expect(await answersTo(encoded)).toEqual(expected(400))
    const response = await admin.get(paths.manage.survey(encoded))
    expect(response.text).toContain(badRequestHeading)
  })
})

describe('a malformed id', () => {
  it.each([
    ['hyphens the length of a uuid', '------------------------------------'],
    ['a number too big for any column', '99999999999999999999999999'],
    ['a negative number', '-1'],
    ['not a number', 'NaN'],
    ['a uuid with a letter that is not hex', '00000000-0000-0000-0000-00000000000g'],
  ])('(%s) in any route gets 404', async (_name, value) => {
    expect(await answersTo(value)).toEqual(expected(404))
  })

  it.each([
    ['hyphens the length of a uuid', '------------------------------------'],
    ['a uuid with a letter that is not hex', '00000000-0000-0000-0000-00000000000g'],
    ['nothing', ''],
  ])('(%s) for a "You said, we did" entry gets the not found page and removes nothing', async (_name, id) => {
    const before = await database.db.query('SELECT id FROM you_said_we_did')
    const response = await admin
      .post(paths.manage.scorecardYouSaidWeDidRemove)
      .type('form')
      .send({ entry: id, _csrf: token })
    expect(response.status).toBe(404)
    expect(response.text).toContain(notFoundHeading)
    expect(await database.db.query('SELECT id FROM you_said_we_did')).toEqual(before)
  })
})
