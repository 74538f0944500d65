import request from 'supertest'
import { paths } from '../../server/paths'
import { saveWorkingCopy } from '../../server/surveyBuilder/store/builderQueries'
import { loadTemplate, type SurveyTemplate } from '../../server/surveys/templates'
import type { SurveyWords } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { sentenceOf } from './wordsFormPage'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
let admin: Agent

/** The easy-read template with one hint changed in English, under another id. */
function templateWith(slug: string, change: (english: SurveyWords) => SurveyWords, languages?: string[]) {
  const template = loadTemplate('what-i-need')
  const english = template.words.en
  if (!english) throw new Error('The template has no English words')
  const changed: SurveyTemplate = {
    definition: {
      ...template.definition,
      id: slug,
      ...(languages ? { languages } : {}),
    } as SurveyTemplate['definition'],
    words: { ...template.words, en: change(english) },
  }
  return changed
}

const withHint = (hint: string) => (english: SurveyWords) => ({
  ...english,
  questions: { ...english.questions, safe: { title: english.questions.safe?.title ?? '', hint } },
})

const statusOf = async (slug: string) =>
  (
    await database.db.query<{ status: string }>(
      'SELECT status FROM surveys WHERE organisation_id = $1 AND slug = $2',
      [organisation.id, slug],
    )
  )[0]?.status

const auditOf = (slug: string) =>
  database.db.query<{ action: string; details: Record<string, unknown> }>(
    `SELECT action, details FROM audit_events WHERE organisation_id = $1 AND subject = $2 ORDER BY occurred_at`,
    [organisation.id, slug],
  )

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  admin = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'admin' })
})
afterAll(() => database.drop())

describe('opening an easy-read survey whose words fail a check', () => {
  const slug = 'long-words'
  const open = (agent: Agent, fields: Record<string, string> = {}) =>
    postForm(agent, paths.manage.survey(slug), paths.manage.open(slug), fields)

  beforeAll(async () => {
    const template = templateWith(slug, withHint(sentenceOf(20)))
    await insertSurvey(database.db, { organisationId: organisation.id, template, status: 'draft' })
  })

  it('lists the problems on the survey page before anyone tries to open it', async () => {
    const page = await analyst.get(paths.manage.survey(slug))
    expect(page.status).toBe(200)
    expect(page.text).toContain('Fix these before the survey can open')
    expect(page.text).toContain(
      'English: Question 3, hint. This sentence has 20 words. Easy-read sentences must have 15 words or fewer',
    )
    expect(page.text).not.toContain('name="override"')
    expect((await admin.get(paths.manage.survey(slug))).text).toContain('name="override"')
  })

  it('refuses an analyst with 400 and the list, even with the override posted', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { override: 'yes', overrideReason: 'We need it open today' },
    ]
    for (const fields of attempts) {
      const refused = await open(analyst, fields)
      expect(refused.status).toBe(400)
      expect(refused.text).toContain(
        '<a href="#words-checks">This survey cannot open until its words pass the easy-read checks</a>',
      )
      expect(refused.text).toContain('This sentence has 20 words')
    }
    expect(await statusOf(slug)).toBe('draft')
    expect((await request(testApp.app).get(paths.respond.start(organisation.slug, slug))).status).toBe(404)
  })

  it('asks an admin for a reason, then opens it and audits the override', async () => {
    const noReason = await open(admin, { override: 'yes', overrideReason: '  ' })
    expect(noReason.status).toBe(400)
    expect(noReason.text).toContain('<a href="#overrideReason">Enter why the checks should be overridden</a>')
    expect(await statusOf(slug)).toBe('draft')

    const opened = await open(admin, { override: 'yes', overrideReason: 'Checked with the youth forum' })
    expect(opened.status).toBe(303)
    expect(await statusOf(slug)).toBe('open')
    expect(await auditOf(slug)).toEqual([
      {
        action: 'easy-read-checks-overridden',
        details: { when: 'opening', version: 1, problems: 1, reason: 'Checked with the youth forum' },
      },
      { action: 'survey-opened', details: {} },
    ])
  })
})

describe('opening a survey that offers a language with missing words', () => {
  const slug = 'missing-welsh'

  beforeAll(async () => {
    const template = templateWith(slug, (english) => english, ['en', 'cy'])
    const welsh = template.words.cy
    if (!welsh) throw new Error('The template has no Welsh words')
    const otherQuestions = Object.entries(welsh.questions).filter(([id]) => id !== 'safe')
    template.words = { ...template.words, cy: { ...welsh, questions: Object.fromEntries(otherQuestions) } }
    await insertSurvey(database.db, { organisationId: organisation.id, template, status: 'draft' })
  })

  it('says on the survey page that the language cannot be offered, with no override', async () => {
    const page = await admin.get(paths.manage.survey(slug))
    expect(page.text).toContain('A language with missing words cannot be offered')
    expect(page.text).toContain('Cymraeg: Question 3. There are no words here')
    expect(page.text).not.toContain('name="override"')
  })

  it('cannot be opened, even by an admin overriding', async () => {
    const refused = await postForm(admin, paths.manage.survey(slug), paths.manage.open(slug), {
      override: 'yes',
      overrideReason: 'Open it anyway',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain(
      '<a href="#words-checks">This survey cannot open because Cymraeg is offered and has missing words</a>',
    )
    expect(await statusOf(slug)).toBe('draft')
    expect(await auditOf(slug)).toEqual([])
  })
})

describe('opening a draft changed in the builder', () => {
  const slug = 'built-draft'

  it('checks the words it would open with, not the version it was started from', async () => {
    const { surveyId } = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: templateWith(slug, (english) => english),
      status: 'draft',
    })
    expect((await analyst.get(paths.manage.survey(slug))).text).toContain('The words pass every check.')
    const changed = templateWith(slug, withHint(sentenceOf(18)))
    await saveWorkingCopy(
      database.db,
      { organisationId: organisation.id, surveyId, basedOnVersion: 1 },
      changed,
    )
    expect((await analyst.get(paths.manage.survey(slug))).text).toContain('This sentence has 18 words')
    const refused = await postForm(analyst, paths.manage.survey(slug), paths.manage.open(slug))
    expect(refused.status).toBe(400)
    expect(await statusOf(slug)).toBe('draft')
  })
})

describe('opening a survey whose words pass', () => {
  it('opens at once, with nothing to override', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      status: 'draft',
    })
    const page = await analyst.get(paths.manage.survey('what-i-need'))
    expect(page.text).toContain('The words pass every check.')
    const opened = await postForm(
      analyst,
      paths.manage.survey('what-i-need'),
      paths.manage.open('what-i-need'),
    )
    expect(opened.status).toBe(303)
    expect(await statusOf('what-i-need')).toBe('open')
  })
})
