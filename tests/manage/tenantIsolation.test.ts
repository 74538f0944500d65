import request from 'supertest'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAgent, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { downloadBytes } from '../helpers/scorecards'
import { routeTable } from '../helpers/routeTable'
import { raiseAlert } from '../../server/safeguarding/alerts/raiseAlert'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertRun } from '../../server/scorecards/store/runQueries'

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
  'GET /s/:organisation/:survey/pages/:page': 'public',
  'POST /s/:organisation/:survey/pages/:page': 'public',
  'POST /s/:organisation/:survey/questions/:question': 'public',
  'GET /s/:organisation/:survey/check-answers': 'public',
  'POST /s/:organisation/:survey/submit': 'public',
  'GET /s/:organisation/:survey/submit': 'public',
  'GET /s/:organisation/:survey/confirmation': 'public',
  'GET /s/:organisation/:survey/talk-to-someone': 'public',
  'POST /s/:organisation/:survey/talk-to-someone': 'public',
  'GET /s/:organisation/:survey/talk-to-someone/sent': 'public',
  'GET /s/:organisation/:survey/group': 'public',
  'POST /s/:organisation/:survey/group': 'public',
  'GET /s/:organisation/:survey/email-me-a-link': 'public',
  'POST /s/:organisation/:survey/email-me-a-link': 'public',
  'GET /s/:organisation/:survey/email-me-a-link/sent': 'public',
  'GET /s/:organisation/:survey/carry-on/:token': 'public',
  'GET /s/:organisation/:survey/start-again': 'public',
  'POST /s/:organisation/:survey/start-again': 'public',
  'GET /s/:organisation/:survey/shared/:code': 'public',
  'GET /s/:organisation/:survey/still-there': 'public',
  'GET /s/:organisation/:survey/reset': 'public',
  'GET /s/:organisation/:survey/next-person': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'GET /sign-in/link/:token': 'public',
  'POST /sign-in/link': 'public',
  'POST /sign-out': 'public',
  'GET /signed-out': 'public',
  'GET /manage': 'officer-list',
  'GET /manage/surveys/new': 'officer-list',
  'POST /manage/surveys/new': 'officer-list',
  'GET /manage/surveys/new/blank': 'officer-list',
  'POST /manage/surveys/new/blank': 'officer-list',
  'GET /manage/surveys/new/copy': 'officer-list',
  'POST /manage/surveys/new/copy': 'officer-list',
  'GET /manage/surveys/:survey/builder': 'officer-item',
  'POST /manage/surveys/:survey/builder/publish': 'officer-item',
  'POST /manage/surveys/:survey/builder/discard': 'officer-item',
  'POST /manage/surveys/:survey/builder/about-you': 'officer-item',
  'GET /manage/surveys/:survey/builder/settings': 'officer-item',
  'POST /manage/surveys/:survey/builder/settings': 'officer-item',
  'GET /manage/surveys/:survey/builder/preview': 'officer-item',
  'POST /manage/surveys/:survey/builder/preview': 'officer-item',
  'POST /manage/surveys/:survey/builder/preview/end': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/new': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/new': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/new/:kind': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/new/:kind': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/:question': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/:question': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/:question/remove': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/:question/remove': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/:question/move': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/:question/picture': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/:question/picture': 'officer-item',
  'GET /manage/surveys/:survey/builder/questions/:question/condition': 'officer-item',
  'POST /manage/surveys/:survey/builder/questions/:question/condition': 'officer-item',
  'GET /manage/surveys/:survey/builder/pages/new': 'officer-item',
  'POST /manage/surveys/:survey/builder/pages/new': 'officer-item',
  'GET /manage/surveys/:survey/builder/pages/:page': 'officer-item',
  'POST /manage/surveys/:survey/builder/pages/:page': 'officer-item',
  'POST /manage/surveys/:survey/builder/pages/:page/remove': 'officer-item',
  'GET /manage/surveys/:survey': 'officer-item',
  'POST /manage/surveys/:survey/open': 'officer-item',
  'POST /manage/surveys/:survey/close': 'officer-item',
  'POST /manage/surveys/:survey/closing-date': 'officer-item',
  'GET /manage/surveys/:survey/qr-code.png': 'officer-item',
  'GET /manage/surveys/:survey/qr-code.svg': 'officer-item',
  'GET /manage/surveys/:survey/comments': 'officer-item',
  'POST /manage/surveys/:survey/comments/themes': 'officer-item',
  'GET /manage/surveys/:survey/results': 'officer-item',
  'GET /manage/surveys/:survey/results/breakdown': 'officer-item',
  'GET /manage/surveys/:survey/words/:language': 'officer-item',
  'POST /manage/surveys/:survey/words/:language': 'officer-item',
  'GET /manage/surveys/:survey/downloads/responses.csv': 'officer-item',
  'GET /manage/surveys/:survey/downloads/responses.xlsx': 'officer-item',
  'GET /manage/surveys/:survey/downloads/summary.csv': 'officer-item',
  'GET /manage/surveys/:survey/downloads/report.pdf': 'officer-item',
  'GET /manage/surveys/:survey/survey-file': 'officer-item',
  // Importing makes a new survey in the officer's own organisation: see the import test below.
  'GET /manage/import-survey': 'officer-list',
  'POST /manage/import-survey': 'officer-list',
  // The published JSON Schema of survey files: one document, the same for everyone.
  'GET /schemas/survey-file.schema.json': 'public',
  'GET /manage/officers': 'officer-list',
  'POST /manage/officers': 'officer-list',
  'GET /manage/officers/:officer': 'officer-item',
  'POST /manage/officers/:officer/role': 'officer-item',
  'POST /manage/officers/:officer/remove': 'officer-item',
  'POST /manage/officers/invitations/resend': 'officer-list',
  'GET /manage/audit': 'officer-list',
  'GET /manage/surveys/:survey/group-sessions': 'officer-item',
  'POST /manage/surveys/:survey/group-sessions': 'officer-item',
  'POST /manage/surveys/:survey/group-sessions/:code/end': 'officer-item',
  'GET /manage/surveys/:survey/data-entry': 'officer-item',
  'POST /manage/surveys/:survey/data-entry': 'officer-item',
  'GET /manage/surveys/:survey/held-responses': 'officer-item',
  'POST /manage/surveys/:survey/held-responses': 'officer-item',
  'GET /manage/surveys/:survey/retention': 'officer-item',
  'POST /manage/surveys/:survey/retention': 'officer-item',
  'GET /manage/erasure': 'officer-list',
  'POST /manage/erasure': 'officer-list',
  'POST /manage/erasure/confirm': 'officer-list',
  'GET /manage/settings': 'officer-list',
  'GET /manage/settings/organisation': 'officer-list',
  'POST /manage/settings/organisation': 'officer-list',
  'GET /manage/settings/local-help': 'officer-list',
  'POST /manage/settings/local-help': 'officer-list',
  'POST /manage/settings/local-help/remove': 'officer-list',
  'GET /manage/settings/data-protection': 'officer-list',
  'POST /manage/settings/data-protection': 'officer-list',
  'GET /manage/settings/accessibility': 'officer-list',
  'POST /manage/settings/accessibility': 'officer-list',
  'GET /manage/settings/safeguarding': 'officer-list',
  'POST /manage/settings/safeguarding': 'officer-list',
  'GET /manage/settings/scorecards': 'officer-list',
  'POST /manage/settings/scorecards': 'officer-list',
  'POST /manage/officers/:officer/safeguarding-contact': 'officer-item',
  'GET /manage/alerts': 'officer-list',
  'GET /manage/safeguarding/phrases': 'officer-list',
  'POST /manage/safeguarding/phrases': 'officer-list',
  'POST /manage/safeguarding/phrases/remove': 'officer-list',
  'GET /manage/alerts/:alert': 'officer-item',
  'POST /manage/alerts/:alert/acknowledge': 'officer-item',
  'POST /manage/alerts/:alert/notes': 'officer-item',
  'POST /manage/alerts/:alert/close': 'officer-item',
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
  'GET /manage/scorecards/indicators/:indicator/comparisons': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator/comparisons': 'officer-item',
  'POST /manage/scorecards/indicators/:indicator/comparisons/remove': 'officer-item',
  'GET /manage/scorecards/comparisons/import': 'officer-list',
  'POST /manage/scorecards/comparisons/import': 'officer-list',
  'GET /manage/scorecards/translations': 'officer-list',
  'POST /manage/scorecards/translations': 'officer-list',
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
  'OPTIONS /schemas/scorecard.schema.json': 'public',
  'GET /schemas/scorecard.schema.json': 'public',
  'OPTIONS /scorecards/:organisation/:file': 'public',
  'GET /scorecards/:organisation/values.csv': 'public',
  'GET /scorecards/:organisation/:file': 'public',
  'GET /scorecards/:organisation/:file/embed': 'public',
  'GET /scorecards/:organisation/:file/easy-read': 'public',
  'GET /manage/scorecards/runs/:run': 'officer-item',
  'GET /o/:organisation/privacy': 'public',
  'GET /o/:organisation/privacy/easy-read': 'public',
  'GET /o/:organisation/accessibility': 'public',
  'GET /o/:organisation/contact': 'public',
  // Invitation links: the token finds its own organisation; no officer is signed in.
  'GET /i/:token': 'public',
  'GET /i/:token/unsubscribe': 'public',
  'POST /i/:token/unsubscribe': 'public',
  'GET /unsubscribed': 'public',
  'GET /manage/surveys/:survey/invitations': 'officer-item',
  'GET /manage/surveys/:survey/invitations/upload': 'officer-item',
  'POST /manage/surveys/:survey/invitations/upload': 'officer-item',
  'GET /manage/surveys/:survey/invitations/lists/:list': 'officer-item',
  'GET /manage/surveys/:survey/invitations/lists/:list/preview': 'officer-item',
  'POST /manage/surveys/:survey/invitations/lists/:list/preview': 'officer-item',
  'POST /manage/surveys/:survey/invitations/lists/:list/cancel': 'officer-item',
}

let database: TestDatabase
let testApp: TestApp
let ours: Agent
let theirs: {
  organisation: string
  name: string
  survey: string
  handle: string
  email: string
  alert: string
  groupCode: string
  run: string
}

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
  await database.db.query(
    `INSERT INTO safeguarding_phrases (organisation_id, language, phrase) VALUES ($1, 'en', 'their only phrase')`,
    [b.id],
  )
  const theirAlert = await database.db.transaction((tx) =>
    raiseAlert(
      tx,
      testApp.jobQueue,
      { organisationId: b.id, kind: 'free-text', surveyId: null, language: 'en', reasons: [] },
      new Date(),
    ),
  )
  // Their group session, on their survey, with a code a child could type anywhere.
  await database.db.query(
    `INSERT INTO group_sessions (organisation_id, id, survey_id, code, label, created_by, created_at, expires_at)
     SELECT organisation_id, gen_random_uuid(), id, 'THE1RS', 'Their only class', 'them', now(), now() + interval '3 hours'
       FROM surveys WHERE slug = 'their-only-survey'`,
  )
  // Their background run of working out their figures.
  const { run: theirRun } = await insertRun(database.db, {
    organisationId: b.id,
    kind: 'recompute',
    period: null,
    requestedBy: { id: theirOfficer.id, email: theirOfficer.email },
  })
  await signedInAgent(testApp.app, database.db, theirOfficer)
  ours = await signedInAs(testApp.app, database.db, { organisationId: a.id, role: 'admin' })
  theirs = {
    organisation: b.slug,
    name: `Council ${b.slug}`,
    survey: 'their-only-survey',
    handle: theirOfficer.handle,
    email: theirOfficer.email,
    alert: theirAlert,
    groupCode: 'THE1RS',
    run: theirRun.id,
  }
})
afterAll(() => database.drop())

const routes = () => routeTable(testApp.app)

const fill = (
  path: string,
  values: {
    survey: string
    officer: string
    outcome: string
    indicator: string
    alert: string
    code: string
    run: string
  },
) =>
  path
    .replace(':run', values.run)
    .replace(':code', values.code)
    .replace(':alert', values.alert)
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
    .send({
      _csrf: csrfTokenIn(page.text),
      role: 'viewer',
      day: '1',
      month: '1',
      year: '2030',
      note: 'A note',
      closingNote: 'A note',
      contact: 'yes',
    })
}

const traces = () => [
  theirs.organisation,
  theirs.name,
  theirs.survey,
  theirs.email,
  theirs.handle,
  theirs.alert,
  'their-only-outcome',
  'Their indicator',
  theirs.groupCode,
  'Their only class',
  'their only phrase',
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
          alert: theirs.alert,
          code: theirs.groupCode,
          run: theirs.run,
        }),
      )
      const nothing = await ask(
        method,
        fill(path, {
          survey: 'no-such-survey',
          officer: 'a1b2c3d4e5f6',
          outcome: 'no-such-outcome',
          indicator: '9-9',
          alert: 'a1b2c3d4e5f6a1b2',
          code: 'NOSUCH',
          run: '00000000-0000-4000-8000-000000000000',
        }),
      )
      expect({ route: `${method} ${path}`, status: theirsResponse.status }).toEqual({
        route: `${method} ${path}`,
        status: 404,
      })
      // Identical pages once the identifier the URL itself carried is masked: no trace of the other organisation.
      const masked = (text: string, identifiers: string[]) =>
        identifiers.reduce((all, each) => all.replaceAll(each, '…'), text)
      expect(
        masked(theirsResponse.text, [
          theirs.survey,
          theirs.alert,
          theirs.handle,
          theirs.groupCode,
          theirs.run,
          'their-only-outcome',
          '8-8',
        ]),
      ).toBe(
        masked(nothing.text, [
          'no-such-survey',
          'a1b2c3d4e5f6a1b2',
          'a1b2c3d4e5f6',
          'NOSUCH',
          '00000000-0000-4000-8000-000000000000',
          'no-such-outcome',
          '9-9',
        ]),
      )
      for (const trace of [theirs.organisation, theirs.name, theirs.email])
        expect(theirsResponse.text).not.toContain(trace)
    }
    const [row] = await database.db.query<{ status: string }>(
      `SELECT status FROM surveys WHERE slug = 'their-only-survey'`,
    )
    expect(row?.status).toBe('open')
    const [alert] = await database.db.query<{ status: string }>(
      'SELECT status FROM safeguarding_alerts WHERE handle = $1',
      [theirs.alert],
    )
    expect(alert?.status).toBe('open')
    const [session] = await database.db.query<{ open: boolean }>(
      'SELECT expires_at > now() AS open FROM group_sessions WHERE code = $1',
      [theirs.groupCode],
    )
    expect(session?.open).toBe(true)
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

  it('erasing by reference finds nothing of theirs: the same 404 as a reference nobody has', async () => {
    await database.db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
       SELECT organisation_id, gen_random_uuid(), id, 1, 'en', 'THE1-R000', gen_random_uuid(), '{}'
         FROM surveys WHERE slug = $1`,
      [theirs.survey],
    )
    const post = async (action: string, reference: string) => {
      const page = await ours.get('/manage/erasure')
      return ours
        .post(action)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), reference })
    }
    for (const action of ['/manage/erasure', '/manage/erasure/confirm']) {
      const theirsResponse = await post(action, 'THE1-R000')
      const nothing = await post(action, 'THE1-R001')
      expect(theirsResponse.status).toBe(404)
      expect(theirsResponse.text.replace('THE1-R000', '…')).toBe(nothing.text.replace('THE1-R001', '…'))
    }
    const [row] = await database.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM responses WHERE reference = 'THE1-R000'`,
    )
    expect(row?.count).toBe(1)
  })

  // Last, because it leaves a survey of ours named like theirs.
  it('a survey file sees nothing of theirs: their outcome is unknown and their slug is free in ours', async () => {
    const exported = await ours.get('/manage/surveys/what-i-need/survey-file')
    expect(exported.status).toBe(200)
    for (const trace of traces()) expect(exported.text).not.toContain(trace)
    const file = JSON.parse(exported.text) as {
      definition: { id: string; questions: { outcome?: string }[] }
    }
    file.definition.id = theirs.survey
    const withOutcome = (outcome: string | undefined) =>
      Buffer.from(
        JSON.stringify({
          ...file,
          definition: {
            ...file.definition,
            questions: file.definition.questions.map((question) => ({ ...question, outcome })),
          },
        }),
      )
    const upload = async (bytes: Buffer) => {
      const page = await ours.get('/manage/import-survey')
      return ours
        .post('/manage/import-survey')
        .field('_csrf', csrfTokenIn(page.text))
        .attach('file', bytes, { filename: 'survey.json', contentType: 'application/json' })
    }
    const counts = async () =>
      database.db.query<{ surveys: number; versions: number; audit: number }>(
        `SELECT (SELECT count(*) FROM surveys)::integer AS surveys,
                (SELECT count(*) FROM survey_versions)::integer AS versions,
                (SELECT count(*) FROM audit_events)::integer AS audit`,
      )
    const before = await counts()
    const theirsResponse = await upload(withOutcome('their-only-outcome'))
    const nothing = await upload(withOutcome('no-such-outcome'))
    expect(theirsResponse.status).toBe(400)
    // Refused because the outcome is not ours, named as the file named it.
    expect(theirsResponse.text).toContain('their-only-outcome')
    expect(theirsResponse.text.replaceAll('their-only-outcome', '…')).toBe(
      nothing.text.replaceAll('no-such-outcome', '…'),
    )
    for (const trace of [theirs.organisation, theirs.name, theirs.email])
      expect(theirsResponse.text).not.toContain(trace)
    expect(await counts()).toEqual(before)

    const imported = await upload(withOutcome(undefined))
    expect(imported.status).toBe(303)
    expect(imported.headers.location).toBe(`/manage/surveys/${theirs.survey}`)
    const rows = await database.db.query<{ organisation: string; status: string }>(
      `SELECT o.slug AS organisation, s.status FROM surveys s JOIN organisations o ON o.id = s.organisation_id
        WHERE s.slug = $1 ORDER BY o.slug`,
      [theirs.survey],
    )
    expect(rows).toEqual([
      { organisation: 'our-council', status: 'draft' },
      { organisation: theirs.organisation, status: 'open' },
    ])
    const [theirAudit] = await database.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM audit_events a JOIN organisations o ON o.id = a.organisation_id
        WHERE o.slug = $1 AND a.action IN ('survey-exported', 'survey-imported')`,
      [theirs.organisation],
    )
    expect(theirAudit?.count).toBe(0)
  })
})
