import request from 'supertest'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAgent, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { downloadBytes } from '../helpers/scorecards'
import { routeTable } from '../helpers/routeTable'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

/**
 * Every route must say how it is kept to one organisation. Officer routes with a parameter are asked
 * for the other organisation's thing and must answer exactly as for something that does not exist;
 * officer routes without one must show nothing of the other organisation. Public routes are the
 * respondent journey and sign-in, which belong to no signed-in organisation. A new route missing here
 * fails this test.
 */
const cases: Record<string, 'public' | 'officer-list' | 'officer-item'> = {
  'GET /': 'public',
  'GET /accessibility': 'public',
  'GET /healthz': 'public',
  'GET /s/:organisation/:survey': 'public',
  'POST /s/:organisation/:survey/start': 'public',
  'GET /s/:organisation/:survey/start': 'public',
  'GET /s/:organisation/:survey/questions/:question': 'public',
  'POST /s/:organisation/:survey/questions/:question': 'public',
  'GET /s/:organisation/:survey/check-answers': 'public',
  'POST /s/:organisation/:survey/submit': 'public',
  'GET /s/:organisation/:survey/submit': 'public',
  'GET /s/:organisation/:survey/confirmation': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'GET /sign-in/link/:token': 'public',
  'POST /sign-in/link': 'public',
  'POST /sign-out': 'public',
  'GET /signed-out': 'public',
  'GET /manage': 'officer-list',
  'GET /manage/surveys/new': 'officer-list',
  'POST /manage/surveys/new': 'officer-list',
  'GET /manage/surveys/:survey': 'officer-item',
  'POST /manage/surveys/:survey/open': 'officer-item',
  'POST /manage/surveys/:survey/close': 'officer-item',
  'POST /manage/surveys/:survey/closing-date': 'officer-item',
  'GET /manage/surveys/:survey/qr-code.png': 'officer-item',
  'GET /manage/surveys/:survey/qr-code.svg': 'officer-item',
  'GET /manage/surveys/:survey/comments': 'officer-item',
  'POST /manage/surveys/:survey/comments/themes': 'officer-item',
  'GET /manage/surveys/:survey/results': 'officer-item',
  'GET /manage/surveys/:survey/words/:language': 'officer-item',
  'POST /manage/surveys/:survey/words/:language': 'officer-item',
  'GET /manage/surveys/:survey/downloads/responses.csv': 'officer-item',
  'GET /manage/surveys/:survey/downloads/responses.xlsx': 'officer-item',
  'GET /manage/surveys/:survey/downloads/summary.csv': 'officer-item',
  'GET /manage/surveys/:survey/downloads/report.pdf': 'officer-item',
  'GET /manage/officers': 'officer-list',
  'POST /manage/officers': 'officer-list',
  'GET /manage/officers/:officer': 'officer-item',
  'POST /manage/officers/:officer/role': 'officer-item',
  'POST /manage/officers/:officer/remove': 'officer-item',
  'GET /manage/audit': 'officer-list',
  'GET /manage/scorecards': 'officer-list',
  'GET /manage/scorecards/outcomes/:outcome': 'officer-item',
  'POST /manage/scorecards/recompute': 'officer-list',
  'GET /manage/scorecards/downloads/scorecard.csv': 'officer-list',
  'GET /manage/scorecards/downloads/scorecard.xlsx': 'officer-list',
  'GET /manage/scorecards/downloads/scorecard.pdf': 'officer-list',
  'GET /manage/scorecards/framework': 'officer-list',
  'POST /manage/scorecards/framework/template': 'officer-list',
  'POST /manage/scorecards/framework/outcomes': 'officer-list',
  'GET /manage/scorecards/framework/outcomes/:outcome': 'officer-item',
  'POST /manage/scorecards/framework/outcomes/:outcome': 'officer-item',
  'GET /manage/scorecards/indicators/new': 'officer-list',
  'POST /manage/scorecards/indicators/new': 'officer-list',
  'GET /manage/scorecards/indicators/:indicator': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator': 'officer-item',
  'GET /manage/scorecards/indicators/:indicator/counting': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator/counting': 'officer-item',
  'GET /manage/scorecards/indicators/:indicator/values': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator/values': 'officer-item',
  'GET /manage/scorecards/indicators/:indicator/commentary': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator/commentary': 'officer-item',
  'GET /manage/scorecards/import': 'officer-list',
  'POST /manage/scorecards/import': 'officer-list',
  'GET /manage/scorecards/you-said-we-did': 'officer-list',
  'POST /manage/scorecards/you-said-we-did': 'officer-list',
  'POST /manage/scorecards/you-said-we-did/remove': 'officer-list',
  'GET /manage/scorecards/publish': 'officer-list',
  'POST /manage/scorecards/publish': 'officer-list',
  'GET /scorecards/:organisation': 'public',
  'GET /scorecards/:organisation/:period.json': 'public',
  'GET /scorecards/:organisation/:period': 'public',
  'GET /scorecards/:organisation/:period/embed': 'public',
}

let database: TestDatabase
let testApp: TestApp
let ours: Agent
let theirs: { organisation: string; name: string; survey: string; handle: string; email: string }

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const a = await insertOrganisation(database.db, 'our-council')
  const b = await insertOrganisation(database.db, 'their-council')
  await insertSurvey(database.db, { organisationId: a.id, template: 'what-i-need' })
  await insertSurvey(database.db, {
    organisationId: b.id,
    template: 'ehcp-experience',
    slug: 'their-only-survey',
  })
  // Their outcomes framework: an outcome and an administrative indicator numbered 8.8, which ours lacks.
  await database.db.query(
    `INSERT INTO outcomes (organisation_id, id, slug, position, statement)
     VALUES ($1, gen_random_uuid(), 'their-only-outcome', 1, 'I need their things.')`,
    [b.id],
  )
  await database.db.query(
    `INSERT INTO indicators (organisation_id, id, number, wording, kind, unit, good_is, frequency, source, data_owner)
     VALUES ($1, gen_random_uuid(), '8.8', 'Their indicator', 'administrative', 'count', 'up', 'quarterly', 'Council', 'Them')`,
    [b.id],
  )
  const theirOfficer = await addOfficer(database.db, b.id, 'admin', 'their.admin@their-council.example')
  await signedInAgent(testApp.app, database.db, theirOfficer)
  ours = await signedInAs(testApp.app, database.db, { organisationId: a.id, role: 'admin' })
  theirs = {
    organisation: b.slug,
    name: `Council ${b.slug}`,
    survey: 'their-only-survey',
    handle: theirOfficer.handle,
    email: theirOfficer.email,
  }
})
afterAll(() => database.drop())

const routes = () => routeTable(testApp.app)

const fill = (
  path: string,
  values: { survey: string; officer: string; outcome: string; indicator: string },
) =>
  path
    .replace(':survey', values.survey)
    .replace(':officer', values.officer)
    .replace(':outcome', values.outcome)
    .replace(':indicator', values.indicator)
    .replace(':language', 'cy')

async function ask(method: string, path: string) {
  if (method === 'GET') return ours.get(path)
  const page = await ours.get('/manage')
  return ours
    .post(path)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), role: 'viewer', day: '1', month: '1', year: '2030' })
}

const traces = () => [
  theirs.organisation,
  theirs.name,
  theirs.survey,
  theirs.email,
  theirs.handle,
  'their-only-outcome',
  'Their indicator',
]

describe('tenant isolation over the route table', () => {
  it('every route the application serves has an isolation case', () => {
    const missing = routes()
      .map(({ method, path }) => `${method} ${path}`)
      .filter((key) => !(key in cases))
    expect(missing).toEqual([])
  })

  it("asking for another organisation's survey or officer is the same 404 as for nothing at all", async () => {
    const items = routes().filter(({ method, path }) => cases[`${method} ${path}`] === 'officer-item')
    expect(items.length).toBeGreaterThan(5)
    for (const { method, path } of items) {
      const theirsResponse = await ask(
        method,
        fill(path, {
          survey: theirs.survey,
          officer: theirs.handle,
          outcome: 'their-only-outcome',
          indicator: '8-8',
        }),
      )
      const nothing = await ask(
        method,
        fill(path, {
          survey: 'no-such-survey',
          officer: 'a1b2c3d4e5f6',
          outcome: 'no-such-outcome',
          indicator: '9-9',
        }),
      )
      expect({ route: `${method} ${path}`, status: theirsResponse.status }).toEqual({
        route: `${method} ${path}`,
        status: 404,
      })
      // Identical pages once the identifier the URL itself carried is masked: no trace of the other organisation.
      const masked = (text: string, identifiers: string[]) =>
        identifiers.reduce((all, each) => all.replaceAll(each, '…'), text)
      expect(masked(theirsResponse.text, [theirs.survey, theirs.handle, 'their-only-outcome', '8-8'])).toBe(
        masked(nothing.text, ['no-such-survey', 'a1b2c3d4e5f6', 'no-such-outcome', '9-9']),
      )
      for (const trace of [theirs.organisation, theirs.name, theirs.email])
        expect(theirsResponse.text).not.toContain(trace)
    }
    const [row] = await database.db.query<{ status: string }>(
      `SELECT status FROM surveys WHERE slug = 'their-only-survey'`,
    )
    expect(row?.status).toBe('open')
  })

  it('pages that list things show nothing of another organisation', async () => {
    for (const { path } of routes().filter(
      ({ method, path }) => method === 'GET' && cases[`GET ${path}`] === 'officer-list',
    )) {
      // Downloads come back as bytes; their text is read as it is (a PDF's words are compressed, so its
      // own test reads them with pdftotext).
      const response = await downloadBytes(ours, path)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      for (const trace of traces()) expect((response.body as Buffer).toString('utf8')).not.toContain(trace)
    }
  })

  it('their public survey is still theirs: public routes do not depend on who is signed in', async () => {
    const response = await request(testApp.app).get(`/s/${theirs.organisation}/${theirs.survey}`)
    expect(response.status).toBe(200)
  })
})
