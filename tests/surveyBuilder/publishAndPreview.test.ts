import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { copyOf, countIn, snapshot, submit } from './builderHelpers'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
let viewer: Agent
const builder = paths.manage.builder
const slug = 'publish-test'

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
  await submit(analyst, builder.newBlank, builder.newBlank, {
    audience: 'young-person',
    easyRead: 'yes',
    'title-en': 'Publish test',
  })
})
afterAll(() => database.drop())

const versions = async () =>
  database.db.query<{ version: number; definition: { questions: { id: string }[] } }>(
    `SELECT v.version, v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id
      WHERE s.slug = $1 ORDER BY v.version`,
    [slug],
  )
const surveyId = async () =>
  (await database.db.query<{ id: string }>('SELECT id FROM surveys WHERE slug = $1', [slug]))[0]?.id ?? ''

async function addStatement(title: string) {
  const form = builder.newQuestion(slug, 'i-need-statement')
  const added = await submit(analyst, form, form, {
    rows: '0',
    'title-en': title,
    optional: 'no',
    outcome: 'safe',
  })
  expect(added.status).toBe(303)
}

describe('publishing', () => {
  it('opening a draft publishes its working copy in place, and links "I need" statements to their indicator', async () => {
    await database.db.query(
      `INSERT INTO outcomes (organisation_id, id, slug, position, statement) VALUES ($1, gen_random_uuid(), 'safe', 1, 'I need to be safe')`,
      [organisation.id],
    )
    await addStatement('I need to be safe.')
    expect((await versions())[0]?.definition.questions.map((q) => q.id)).toEqual(['tell-us'])
    const opened = await submit(analyst, paths.manage.survey(slug), paths.manage.open(slug), {})
    expect(opened.status).toBe(303)
    const published = await versions()
    expect(published).toHaveLength(1)
    expect(published[0]?.definition.questions.map((q) => q.id)).toEqual(['tell-us', 'i-need-to-be-safe'])
    expect(await countIn(database.db, 'survey_working_copies')).toBe(0)
    const [indicator] = await database.db.query<{
      counting: { questions: string[]; positive: string[] }
      survey_id: string
    }>(
      `SELECT i.counting, i.survey_id FROM indicators i JOIN outcomes o ON o.id = i.outcome_id WHERE o.slug = 'safe'`,
    )
    expect(indicator).toMatchObject({
      survey_id: await surveyId(),
      counting: { questions: ['i-need-to-be-safe'], positive: ['very-important'] },
    })
  })

  it('publishes changes in place while the version has no responses or drafts', async () => {
    await addStatement('I need to feel safe at school.')
    const page = await analyst.get(builder.home(slug))
    expect(page.text).toContain('You have changes that are not published yet')
    expect(page.text).toContain('Nobody has answered this version yet')
    const published = await submit(analyst, builder.home(slug), builder.publish(slug), {})
    expect(published.status).toBe(303)
    expect(await versions()).toHaveLength(1)
    const [indicator] = await database.db.query<{ counting: { questions: string[] } }>(
      'SELECT counting FROM indicators',
    )
    expect(indicator?.counting.questions).toEqual(['i-need-to-be-safe', 'i-need-to-feel-safe'])
  })

  it('publishes a new version once the current one has responses, which keep theirs', async () => {
    await insertResponses(database.db, { organisationId: organisation.id, surveyId: await surveyId() }, [
      { answers: { 'tell-us': 'Fine', 'i-need-to-be-safe': 'important' } },
    ])
    const id = 'i-need-to-be-safe'
    await submit(analyst, builder.question(slug, id), builder.question(slug, id), {
      rows: '0',
      'title-en': 'I need to be safe and feel safe.',
      optional: 'no',
      outcome: 'safe',
    })
    expect((await analyst.get(builder.home(slug))).text).toContain('publishing makes a new version')
    const published = await submit(analyst, builder.home(slug), builder.publish(slug), {})
    expect(published.status).toBe(303)
    expect((await versions()).map((row) => row.version)).toEqual([1, 2])
    const [response] = await database.db.query<{ version: number }>('SELECT version FROM responses')
    expect(response?.version).toBe(1)
    const audit = await database.db.query(
      `SELECT details FROM audit_events WHERE action = 'survey-published'`,
    )
    expect(audit).toHaveLength(3)
  })

  it('takes an "I need" statement\'s words from its outcome when none are written', async () => {
    const form = builder.newQuestion(slug, 'i-need-statement')
    const added = await submit(analyst, form, form, {
      rows: '0',
      'title-en': '',
      optional: 'no',
      outcome: 'safe',
    })
    expect(added.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    const statement = copy.definition.questions.at(-1)
    expect(statement).toMatchObject({ type: 'importance', outcome: 'safe' })
    expect(copy.words.en?.questions[statement?.id ?? '']?.title).toBe('I need to be safe')
    await submit(analyst, builder.home(slug), builder.discard(slug), {})
  })

  it('discards unpublished changes', async () => {
    await addStatement('I need to have fun.')
    expect(await countIn(database.db, 'survey_working_copies')).toBe(1)
    const discarded = await submit(analyst, builder.home(slug), builder.discard(slug), {})
    expect(discarded.status).toBe(303)
    expect(await countIn(database.db, 'survey_working_copies')).toBe(0)
  })
})

describe('preview', () => {
  const stored = async () =>
    Promise.all(
      ['responses', 'drafts', 'response_activity', 'safeguarding_alerts', 'held_responses'].map((table) =>
        countIn(database.db, table),
      ),
    )

  it('goes through the working copy on the respondent pages, in a chosen language and as easy read, and keeps nothing', async () => {
    await addStatement('I need a quiet place to rest.')
    const before = await stored()
    const started = await submit(analyst, builder.preview(slug), builder.preview(slug), {
      language: 'en',
      easyRead: 'yes',
    })
    expect(started.status).toBe(303)
    expect(started.headers.location).toBe(`${paths.respond.start(organisation.slug, slug)}?lang=en`)
    const start = await analyst.get(started.headers.location ?? '')
    expect(start.status).toBe(200)
    expect(start.text).toContain('heard-preview-banner')
    const begun = await analyst
      .post(paths.respond.begin(organisation.slug, slug))
      .type('form')
      .send({ _csrf: csrfTokenIn(start.text) })
    expect(begun.status).toBe(303)
    let next = begun.headers.location ?? ''
    const answers: Record<string, string> = {
      'tell-us': 'I do not feel safe at home and want to hurt myself',
    }
    for (let step = 0; step < 10 && next.includes('/questions/'); step += 1) {
      const page = await analyst.get(next)
      expect(page.status).toBe(200)
      const id = next.split('/questions/')[1] ?? ''
      const posted = await analyst
        .post(next)
        .type('form')
        .send({ answer: answers[id] ?? 'very-important', _csrf: csrfTokenIn(page.text) })
      expect(posted.status).toBe(303)
      next = posted.headers.location ?? ''
    }
    expect(next).toBe(paths.respond.checkAnswers(organisation.slug, slug))
    const check = await analyst.get(next)
    expect(check.text).toContain('I need a quiet place to rest.')
    const sent = await analyst
      .post(paths.respond.submit(organisation.slug, slug))
      .type('form')
      .send({ _csrf: csrfTokenIn(check.text) })
    expect(sent.status).toBe(200)
    expect(await stored()).toEqual(before)
    expect(await countIn(database.db, 'audit_events', "action = 'survey-previewed'")).toBe(1)
    // The public still gets the published version: the unpublished question is not there.
    const respondent = request.agent(testApp.app)
    const publicStart = await respondent.get(paths.respond.start(organisation.slug, slug))
    expect(publicStart.text).not.toContain('heard-preview-banner')
  })
})

describe('a preview whose officer’s session ends part way', () => {
  it('is not carried on, nor sent as a counted response, by the same browser', async () => {
    const officer = await signedInAs(testApp.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
      email: 'preview-ends@council.example',
    })
    const started = await submit(officer, builder.preview(slug), builder.preview(slug), { language: 'en' })
    const start = await officer.get(started.headers.location ?? '')
    const begun = await officer
      .post(paths.respond.begin(organisation.slug, slug))
      .type('form')
      .send({ _csrf: csrfTokenIn(start.text) })
    const first = begun.headers.location ?? ''
    const page = await officer.get(first)
    expect(page.text).toContain('heard-preview-banner')
    const answered = await officer
      .post(first)
      .type('form')
      .send({ answer: 'very-important', _csrf: csrfTokenIn(page.text) })
    expect(answered.status).toBe(303)
    expect(await countIn(database.db, 'drafts', 'preview')).toBe(1)
    // The session ends (it timed out, say); the browser keeps its draft cookie.
    await database.db.query(`DELETE FROM sessions WHERE data::text LIKE '%preview-ends@council.example%'`)
    const responsesBefore = await countIn(database.db, 'responses')
    const check = await officer.get(paths.respond.checkAnswers(organisation.slug, slug))
    expect(check.status).toBe(303)
    expect(check.headers.location).toBe(paths.respond.start(organisation.slug, slug))
    const publicStart = await officer.get(paths.respond.start(organisation.slug, slug))
    expect(publicStart.text).not.toContain('heard-preview-banner')
    expect(publicStart.text).not.toContain('Continue where you left off')
    const sent = await officer
      .post(paths.respond.submit(organisation.slug, slug))
      .type('form')
      .send({ _csrf: csrfTokenIn(publicStart.text) })
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(paths.respond.start(organisation.slug, slug))
    expect(await countIn(database.db, 'responses')).toBe(responsesBefore)
  })
})

describe('who may build', () => {
  it('refuses viewers every builder page and action', async () => {
    expect((await viewer.get(builder.home(slug))).status).toBe(403)
    expect((await viewer.get(builder.newBlank)).status).toBe(403)
    const page = await viewer.get(paths.manage.survey(slug))
    expect(page.text).not.toContain('/builder')
    const before = await snapshot(database.db)
    const posted = await viewer
      .post(builder.publish(slug))
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) })
    expect(posted.status).toBe(403)
    expect(await snapshot(database.db)).toBe(before)
  })

  it("answers 404 for another organisation's survey", async () => {
    const other = await insertOrganisation(database.db)
    await insertSurvey(database.db, { organisationId: other.id, template: 'what-i-need', slug: 'theirs' })
    expect((await analyst.get(builder.home('theirs'))).status).toBe(404)
    expect((await analyst.get(builder.question('theirs', 'safe'))).status).toBe(404)
  })

  it('refuses a post without its CSRF token', async () => {
    expect((await analyst.post(builder.publish(slug)).type('form').send({})).status).toBe(403)
  })
})
