import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
let viewer: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
})
afterAll(() => database.drop())

const auditActions = async () =>
  (
    await database.db.query<{ action: string; subject: string }>(
      'SELECT action, subject FROM audit_events ORDER BY occurred_at',
    )
  ).map((row) => `${row.action} ${row.subject}`)

describe('the survey list', () => {
  it('shows each survey with its status, responses so far and dates', async () => {
    const respondent = new Respondent(testApp.app, organisation.slug, 'what-i-need')
    await respondent.begin()
    const page = await analyst.get(paths.manage.surveys)
    expect(page.status).toBe(200)
    expect(page.text).toContain('What I need')
    expect(page.text).toMatch(/<strong class="govuk-tag heard-status--open">Open<\/strong>/)
    expect(page.text).toContain('None yet')
  })
})

describe('running a survey', () => {
  it('starts a survey from a template as a draft nobody can answer, then opens and closes it', async () => {
    const created = await postForm(analyst, paths.manage.newSurvey, paths.manage.newSurvey, {
      template: 'ehcp-experience',
    })
    expect(created.status).toBe(303)
    expect(created.headers.location).toBe(paths.manage.survey('ehcp-experience'))
    const again = await postForm(analyst, paths.manage.newSurvey, paths.manage.newSurvey, {
      template: 'ehcp-experience',
    })
    expect(again.headers.location).toBe(paths.manage.survey('ehcp-experience-2'))

    const publicStart = paths.respond.start(organisation.slug, 'ehcp-experience')
    expect((await request(testApp.app).get(publicStart)).status).toBe(404)
    const page = await analyst.get(paths.manage.survey('ehcp-experience'))
    expect(page.text).toContain('Draft')
    expect(page.text).toContain(`http://localhost:3000${publicStart}`)

    const opened = await postForm(
      analyst,
      paths.manage.survey('ehcp-experience'),
      paths.manage.open('ehcp-experience'),
    )
    expect(opened.status).toBe(303)
    expect((await request(testApp.app).get(publicStart)).status).toBe(200)
    await postForm(analyst, paths.manage.survey('ehcp-experience'), paths.manage.close('ehcp-experience'))
    expect((await request(testApp.app).get(publicStart)).status).toBe(410)
    expect(await auditActions()).toEqual(
      expect.arrayContaining([
        'survey-created ehcp-experience',
        'survey-opened ehcp-experience',
        'survey-closed ehcp-experience',
      ]),
    )
  })

  it('sets a closing date at the end of a London day, and refuses a bad one with 400 and the input kept', async () => {
    const survey = paths.manage.survey('what-i-need')
    const bad = await postForm(analyst, survey, paths.manage.closingDate('what-i-need'), {
      day: '31',
      month: '2',
      year: '2030',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('<a href="#day">Enter a real closing date</a>')
    expect(bad.text).toMatch(/id="month" name="month" type="text" inputmode="numeric" value="2"/)
    const past = await postForm(analyst, survey, paths.manage.closingDate('what-i-need'), {
      day: '1',
      month: '1',
      year: '2020',
    })
    expect(past.status).toBe(400)
    const partial = await postForm(analyst, survey, paths.manage.closingDate('what-i-need'), {
      day: '1',
      month: '',
      year: '2030',
    })
    expect(partial.text).toContain('A closing date must include a day, month and year')
    const [unchanged] = await database.db.query<{ closes_at: Date | null }>(
      `SELECT closes_at FROM surveys WHERE slug = 'what-i-need'`,
    )
    expect(unchanged?.closes_at).toBeNull()

    const good = await postForm(analyst, survey, paths.manage.closingDate('what-i-need'), {
      day: '30',
      month: '6',
      year: '2030',
    })
    expect(good.status).toBe(303)
    const [row] = await database.db.query<{ closes_at: Date }>(
      `SELECT closes_at FROM surveys WHERE slug = 'what-i-need'`,
    )
    // Midnight at the end of 30 June 2030 in London is 23:00 UTC (British Summer Time).
    expect(row?.closes_at.toISOString()).toBe('2030-06-30T23:00:00.000Z')
    const cleared = await postForm(analyst, survey, paths.manage.closingDate('what-i-need'), {
      day: '',
      month: '',
      year: '',
    })
    expect(cleared.status).toBe(303)
  })

  it('gives a QR code of the public link as PNG and SVG', async () => {
    const png = await analyst.get(paths.manage.qrCode('what-i-need', 'png')).buffer(true)
    expect(png.status).toBe(200)
    expect(png.headers['content-type']).toBe('image/png')
    expect((png.body as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    const svg = await analyst.get(paths.manage.qrCode('what-i-need', 'svg'))
    expect(svg.headers['content-type']).toContain('image/svg+xml')
    expect(svg.headers['content-disposition']).toContain('what-i-need-qr-code.svg')
  })
})

describe('editing the words', () => {
  const wordsPage = paths.manage.words('what-i-need', 'cy')

  const postedWords = async (changes: Record<string, string>) => {
    const page = await analyst.get(wordsPage)
    const unescape = (text: string) =>
      text
        .replace(/&#39;/g, "'")
        .replace(/&#34;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    const inputs = [
      ...page.text.matchAll(/<input class="govuk-input[^"]*" id="([^"]+)"[^>]*value="([^"]*)"/g),
    ]
    const textareas = [
      ...page.text.matchAll(/<textarea class="govuk-textarea[^"]*" id="([^"]+)"[^>]*>([^<]*)<\/textarea>/g),
    ]
    const fields = Object.fromEntries(
      [...inputs, ...textareas].map((match) => [match[1] ?? '', unescape(match[2] ?? '')]),
    )
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
    return analyst
      .post(wordsPage)
      .type('form')
      .send({ ...fields, ...changes, _csrf: token })
  }

  it('shows every piece of the words in the language being edited', async () => {
    const page = await analyst.get(wordsPage)
    expect(page.status).toBe(200)
    expect(page.text).toContain('lang="cy"')
    expect(page.text).toContain('id="q-listened-to-title"')
    expect(page.text).toContain('id="q-listened-to-option-very-important"')
  })

  it('refuses an empty required box with 400, the error linked and the input kept, changing nothing', async () => {
    const [before] = await database.db.query<{ words: unknown }>(
      `SELECT words FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = 'what-i-need'`,
    )
    const refused = await postedWords({ title: '', 'q-safe-title': 'Newydd <b>' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#title">Enter the words for this box</a>')
    expect(refused.text).toContain('value="Newydd &lt;b&gt;"')
    const [after] = await database.db.query<{ words: unknown }>(
      `SELECT words FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = 'what-i-need'`,
    )
    expect(after).toEqual(before)
  })

  it('corrects the current version before any responses, and publishes a new version once there are some', async () => {
    const versions = () =>
      database.db.query<{ version: number; title: string }>(
        `SELECT v.version, v.words->'cy'->>'title' AS title FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = 'what-i-need' ORDER BY version`,
      )
    const responses = await database.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM responses`,
    )
    expect(responses[0]?.count).toBe(0)
    // The list test's respondent started a draft, and a version with drafts is never changed in place.
    await database.db.query('DELETE FROM drafts')
    expect((await postedWords({ title: 'Beth dwi angen' })).status).toBe(303)
    expect(await versions()).toEqual([{ version: 1, title: 'Beth dwi angen' }])

    const [survey] = await database.db.query<{ organisation_id: string; id: string }>(
      `SELECT organisation_id, id FROM surveys WHERE slug = 'what-i-need'`,
    )
    await insertResponses(
      database.db,
      { organisationId: survey?.organisation_id ?? '', surveyId: survey?.id ?? '' },
      [{ answers: { safe: 'important' } }],
    )
    expect((await postedWords({ title: 'Beth sydd ei angen arnaf' })).status).toBe(303)
    expect(await versions()).toEqual([
      { version: 1, title: 'Beth dwi angen' },
      { version: 2, title: 'Beth sydd ei angen arnaf' },
    ])
    const audit = await database.db.query(`SELECT 1 FROM audit_events WHERE action = 'survey-words-changed'`)
    expect(audit).toHaveLength(2)
  })
})

describe('previewing a draft survey', () => {
  it('shows its own officers the survey with a banner, sends nothing, and stays a 404 for everyone else', async () => {
    await postForm(analyst, paths.manage.newSurvey, paths.manage.newSurvey, { template: 'what-i-need' })
    const slug = 'what-i-need-2'
    const start = paths.respond.start(organisation.slug, slug)
    expect((await request(testApp.app).get(start)).status).toBe(404)
    const other = await insertOrganisation(database.db)
    const outsider = await signedInAs(testApp.app, database.db, { organisationId: other.id, role: 'admin' })
    expect((await outsider.get(start)).status).toBe(404)

    const page = await analyst.get(start)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Preview: this survey is not open yet')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
    const begun = await analyst.post(`${start}/start`).type('form').send({ _csrf: token })
    expect(begun.status).toBe(303)
    const answers: Record<string, string> = {
      'listened-to': 'important',
      healthiest: 'important',
      safe: 'important',
      'accepted-valued': 'important',
      'prepared-future': 'important',
      'enjoy-life': 'important',
      'life-better': '',
      'age-group': '8-11',
      helper: 'no',
    }
    for (const [question, answer] of Object.entries(answers))
      expect(
        (
          await analyst
            .post(paths.respond.question(organisation.slug, slug, question))
            .type('form')
            .send({ answer, _csrf: token })
        ).status,
      ).toBe(303)
    const before = await database.db.query('SELECT id FROM responses')
    const sent = await analyst
      .post(paths.respond.submit(organisation.slug, slug))
      .type('form')
      .send({ _csrf: token })
    expect(sent.status).toBe(200)
    expect(sent.text).toContain('End of the preview')
    expect(await database.db.query('SELECT id FROM responses')).toHaveLength(before.length)
  })
})

describe('roles', () => {
  it('a viewer sees surveys but cannot run them', async () => {
    expect((await viewer.get(paths.manage.surveys)).status).toBe(200)
    expect((await viewer.get(paths.manage.survey('what-i-need'))).text).not.toContain('Run this survey')
    expect((await viewer.get(paths.manage.newSurvey)).status).toBe(403)
    const refused = await postForm(viewer, paths.manage.surveys, paths.manage.close('what-i-need'))
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('You cannot do this')
    expect((await viewer.get(paths.manage.qrCode('what-i-need', 'png'))).status).toBe(403)
    expect((await viewer.get(paths.manage.officers)).status).toBe(403)
    expect((await viewer.get(paths.manage.audit)).status).toBe(403)
  })

  it('an analyst cannot manage officers or read the audit log', async () => {
    expect((await analyst.get(paths.manage.officers)).status).toBe(403)
    expect((await analyst.get(paths.manage.audit)).status).toBe(403)
  })

  it('nobody signed out reaches anything under /manage', async () => {
    for (const path of [
      paths.manage.surveys,
      paths.manage.survey('what-i-need'),
      paths.manage.officers,
      paths.manage.audit,
    ]) {
      const response = await request(testApp.app).get(path)
      expect(response.status).toBe(303)
      expect(response.headers.location).toBe(paths.signIn.request)
    }
  })
})
