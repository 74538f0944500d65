import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { FakeClock, countIn, limitsConfig } from '../responseLimits/limitsHelpers'
import { allWhatINeedAnswers, cookieNamed } from './deviceHelpers'

let database: TestDatabase
let testApp: TestApp
const time = new FakeClock()
let organisation = { id: '', slug: '' }
let analyst: Agent
let viewer: Agent
const survey = 'what-i-need'
const page = paths.manage.dataEntry(survey)

beforeAll(async () => {
  database = await openTestDatabase()
  // Limits on and tiny: one start and one send per address, and every page read at least 3 seconds.
  testApp = await buildTestApp(
    database.db,
    limitsConfig({ startsPerWindow: 1, submitsPerWindow: 1, minSecondsPerQuestion: 3 }),
    { clock: time.clock },
  )
  organisation = await insertOrganisation(database.db)
  // Five responses are enough to show a count here.
  await database.db.query('UPDATE organisations SET small_number_threshold = 5 WHERE id = $1', [
    organisation.id,
  ])
  await insertSurvey(database.db, { organisationId: organisation.id, template: survey })
  // The survey opened just now, by the database's clock; the app's clock starts after that.
  time.set(new Date(Date.now() + 1000))
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'analyst',
    email: 'typist@council.example',
  })
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
})
afterAll(() => database.drop())

/** The officer answers each page through the respondent's own pages, with the page's form token. */
async function typeIn(agent: Agent, answers: Record<string, string>) {
  for (const [question, answer] of Object.entries(answers)) {
    const path = paths.respond.question(organisation.slug, survey, question)
    const form = await agent.get(path)
    const done = await agent
      .post(path)
      .type('form')
      .send({ answer, _csrf: csrfTokenIn(form.text) })
    expect(done.status).toBe(303)
  }
  const check = paths.respond.checkAnswers(organisation.slug, survey)
  const summary = await agent.get(check)
  return agent
    .post(paths.respond.submit(organisation.slug, survey))
    .type('form')
    .send({ _csrf: csrfTokenIn(summary.text) })
}

describe('typing in paper, face-to-face and phone responses', () => {
  it('is for analysts: linked from the survey page, and 403 for viewers', async () => {
    expect((await analyst.get(paths.manage.survey(survey))).text).toContain(`href="${page}"`)
    expect((await viewer.get(page)).status).toBe(403)
    expect((await postForm(viewer, paths.manage.survey(survey), page, { method: 'paper' })).status).toBe(403)
    expect(await countIn(database.db, 'drafts')).toBe(0)
  })

  it('asks how the answers were given: nothing chosen, or something else, is 400 and starts nothing', async () => {
    const form = await analyst.get(page)
    expect(form.status).toBe(200)
    expect(form.text).toContain('How were these answers given?')
    for (const method of ['', 'online', 'carrier-pigeon']) {
      const refused = await postForm(analyst, page, page, { method })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('href="#method">Choose how these answers were given</a>')
    }
    expect(await countIn(database.db, 'drafts')).toBe(0)
  })

  it('goes through the survey’s own pages, marked, without the help link or an emailed link, and counts past every limit', async () => {
    for (let each = 0; each < 5; each += 1) {
      const started = await postForm(analyst, page, page, { method: 'paper' })
      expect(started.status).toBe(303)
      expect(started.headers.location).toBe(paths.respond.question(organisation.slug, survey, 'listened-to'))
      expect(cookieNamed(started.headers['set-cookie'], 'heard.draft')).not.toContain('Max-Age')
      const question = await analyst.get(started.headers.location ?? '')
      expect(question.text).toContain('You are typing in a response collected: On paper')
      expect(question.text).not.toContain('talk-to-someone')
      expect(question.text).not.toContain('email-me-a-link')
      const sent = await typeIn(analyst, allWhatINeedAnswers)
      expect(sent.status).toBe(303)
      const thanks = await analyst.get(paths.respond.confirmation(organisation.slug, survey))
      expect(thanks.text).toContain(`href="${page}"`)
      expect(thanks.text).toContain('Type in another response')
      // Once the typed-in draft has been sent, the officer's browser is an ordinary one again.
      const after = await analyst.get(paths.respond.start(organisation.slug, survey))
      expect(after.text).not.toContain('You are typing in a response')
    }
    const stored = await database.db.query<{ collection_method: string }>(
      'SELECT collection_method FROM responses',
    )
    expect(stored.map((row) => row.collection_method)).toEqual(Array(5).fill('paper'))
    expect(await countIn(database.db, 'held_responses')).toBe(0)
    expect(await database.db.query('SELECT 1 FROM response_activity')).toEqual([])
    const results = await analyst.get(paths.manage.results(survey))
    expect(results.text).toContain('Responses: 5')
    expect((await analyst.get(page)).text).toMatch(
      /On paper<\/th><td class="govuk-table__cell govuk-table__cell--numeric">5</,
    )
  })

  it('audits each one with its method and never its answers', async () => {
    const audits = await database.db.query<{
      actor: string
      subject: string
      details: Record<string, unknown>
    }>("SELECT actor, subject, details FROM audit_events WHERE action = 'response-entered'")
    expect(audits).toHaveLength(5)
    for (const audit of audits)
      expect(audit).toEqual({
        actor: 'typist@council.example',
        subject: survey,
        details: { method: 'paper', count: 1 },
      })
  })

  it('still looks for worrying words in what was written, and raises the alert', async () => {
    await postForm(analyst, page, page, { method: 'face-to-face' })
    const sent = await typeIn(analyst, { ...allWhatINeedAnswers, 'life-better': 'Sometimes I want to die' })
    expect(sent.status).toBe(303)
    const alerts = await database.db.query<{ kind: string }>('SELECT kind FROM safeguarding_alerts')
    expect(alerts.map((alert) => alert.kind)).toEqual(['free-text'])
    const [row] = await database.db.query<{ collection_method: string }>(
      "SELECT collection_method FROM responses WHERE collection_method <> 'paper'",
    )
    expect(row?.collection_method).toBe('face-to-face')
  })

  it('puts the collection method in the responses CSV', async () => {
    const csv = await analyst.get(paths.manage.download(survey, 'responses.csv'))
    expect(csv.status).toBe(200)
    const [headings, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(headings?.split(',').slice(0, 4)).toEqual([
      'Submitted',
      'Survey version',
      'Language',
      'Collection method',
    ])
    expect(rows.map((line) => line.split(',')[3]).sort()).toEqual([
      'face-to-face',
      'paper',
      'paper',
      'paper',
      'paper',
      'paper',
    ])
  })

  it('refuses to start while the survey is not open', async () => {
    await database.db.query(`UPDATE surveys SET status = 'closed' WHERE organisation_id = $1`, [
      organisation.id,
    ])
    const drafts = await countIn(database.db, 'drafts')
    const refused = await postForm(analyst, page, page, { method: 'phone' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Open the survey before typing in responses')
    expect(refused.text).toMatch(/value="phone" checked/)
    expect(await countIn(database.db, 'drafts')).toBe(drafts)
  })
})
