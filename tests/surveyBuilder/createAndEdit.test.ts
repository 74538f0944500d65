import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { copyOf, snapshot, submit } from './builderHelpers'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
const builder = paths.manage.builder

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'what-i-need',
    status: 'draft',
  })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})
afterAll(() => database.drop())

describe('starting a survey', () => {
  it('starts one from nothing as a draft, with its title in each language offered', async () => {
    const created = await submit(analyst, builder.newBlank, builder.newBlank, {
      audience: 'parent-carer',
      easyRead: 'no',
      languages: ['cy'],
      'title-en': 'Portal satisfaction',
      'title-cy': 'Boddhad â’r porth',
    })
    expect(created.status).toBe(303)
    expect(created.headers.location).toBe(builder.home('portal-satisfaction'))
    const copy = await copyOf(database.db, organisation.id, 'portal-satisfaction')
    expect(copy.definition).toMatchObject({
      audience: 'parent-carer',
      easyRead: false,
      languages: ['en', 'cy'],
    })
    expect(copy.words.cy?.title).toBe('Boddhad â’r porth')
    const [row] = await database.db.query<{ status: string }>(
      `SELECT status FROM surveys WHERE slug = 'portal-satisfaction'`,
    )
    expect(row?.status).toBe('draft')
    const page = await analyst.get(builder.home('portal-satisfaction'))
    expect(page.status).toBe(200)
    expect(page.text).toContain('What do you want to tell us?')
  })

  it('refuses a blank form with 400, an error summary and the input kept, writing nothing', async () => {
    const before = await snapshot(database.db)
    const refused = await submit(analyst, builder.newBlank, builder.newBlank, {
      audience: '',
      easyRead: 'yes',
      languages: ['ur'],
      'title-en': 'Kept title',
      'title-ur': '',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('<a href="#audience">Choose who the survey is for</a>')
    expect(refused.text).toContain('<a href="#title-ur">')
    expect(refused.text).toContain('value="Kept title"')
    expect(await snapshot(database.db)).toBe(before)
  })

  it('copies a survey of the organisation into a new draft', async () => {
    const copied = await submit(analyst, builder.newCopy, builder.newCopy, { survey: 'what-i-need' })
    expect(copied.status).toBe(303)
    expect(copied.headers.location).toBe(builder.home('what-i-need-2'))
    const copy = await copyOf(database.db, organisation.id, 'what-i-need-2')
    expect(copy.definition.questions.map((question) => question.id)).toContain('listened-to')
  })
})

describe('questions', () => {
  const slug = 'portal-satisfaction'

  it('adds a single-choice question with its words and answers in every offered language', async () => {
    const kind = await submit(analyst, builder.addQuestion(slug), builder.addQuestion(slug), {
      kind: 'single-choice',
    })
    expect(kind.headers.location).toBe(builder.newQuestion(slug, 'single-choice'))
    const form = builder.newQuestion(slug, 'single-choice')
    const added = await submit(analyst, form, form, {
      rows: '3',
      'title-en': 'How did you find the portal?',
      'title-cy': 'Sut oedd y porth i chi?',
      'hint-en': 'Choose one',
      'hint-cy': '',
      optional: 'no',
      'option-0-id': '',
      'option-0-en': 'Easy',
      'option-0-cy': 'Hawdd',
      'option-1-id': 'hard',
      'option-1-en': 'Hard',
      'option-1-cy': 'Anodd',
      'option-2-id': '',
      'option-2-en': '',
      'option-2-cy': '',
      dontKnow: 'yes',
    })
    expect(added.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    const question = copy.definition.questions.find((each) => each.id === 'how-did-you-find-the')
    expect(question).toMatchObject({
      type: 'single-choice',
      options: ['easy', 'hard'],
      dontKnow: true,
      preferNotToSay: false,
    })
    expect(copy.words.cy?.questions['how-did-you-find-the']).toEqual({
      title: 'Sut oedd y porth i chi?',
      options: { easy: 'Hawdd', hard: 'Anodd' },
    })
  })

  it('refuses a question without its Welsh words: 400, the field named, nothing written', async () => {
    const before = await snapshot(database.db)
    const form = builder.newQuestion(slug, 'number')
    const refused = await submit(analyst, form, form, {
      rows: '0',
      'title-en': 'How many times?',
      'title-cy': '',
      optional: 'yes',
      min: '10',
      max: '2',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#title-cy">Enter the words in this language</a>')
    expect(refused.text).toContain('<a href="#max">The highest number must not be less than the lowest</a>')
    expect(refused.text).toContain('value="How many times?"')
    expect(await snapshot(database.db)).toBe(before)
  })

  it('adds a number question with min, max and its flags', async () => {
    const form = builder.newQuestion(slug, 'number')
    const added = await submit(analyst, form, form, {
      rows: '0',
      'title-en': 'How many times did you log in?',
      'title-cy': 'Sawl gwaith wnaethoch chi fewngofnodi?',
      optional: 'yes',
      min: '0',
      max: '100',
      dontKnow: 'yes',
      preferNotToSay: 'yes',
    })
    expect(added.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.questions.at(-1)).toMatchObject({
      type: 'number',
      min: 0,
      max: 100,
      optional: true,
      dontKnow: true,
      preferNotToSay: true,
    })
  })

  it('moves a question up and down, and removes one after a confirmation page', async () => {
    const ids = async () =>
      (await copyOf(database.db, organisation.id, slug)).definition.questions.map((q) => q.id)
    const before = await ids()
    const last = before.at(-1) ?? ''
    const moved = await submit(analyst, builder.home(slug), builder.questionMove(slug, last), {
      direction: 'up',
    })
    expect(moved.status).toBe(303)
    expect((await ids()).at(-2)).toBe(last)
    await submit(analyst, builder.home(slug), builder.questionMove(slug, last), { direction: 'down' })
    expect(await ids()).toEqual(before)
    const confirm = await analyst.get(builder.questionRemove(slug, last))
    expect(confirm.status).toBe(200)
    expect(confirm.text).toContain('Remove question')
    const removed = await submit(
      analyst,
      builder.questionRemove(slug, last),
      builder.questionRemove(slug, last),
      {},
    )
    expect(removed.status).toBe(303)
    expect(await ids()).toEqual(before.slice(0, -1))
  })

  it('edits the words of questions not yet published on the words page, keeping them unpublished', async () => {
    const wordsPage = paths.manage.words(slug, 'cy')
    const page = await analyst.get(wordsPage)
    expect(page.status).toBe(200)
    expect(page.text).toContain('id="q-how-did-you-find-the-title"')
    const fields = Object.fromEntries(
      [
        ...page.text.matchAll(/<input class="govuk-input[^"]*" id="([^"]+)"[^>]*value="([^"]*)"/g),
        ...page.text.matchAll(/<textarea class="govuk-textarea[^"]*" id="([^"]+)"[^>]*>([^<]*)<\/textarea>/g),
      ].map((match) => [match[1] ?? '', (match[2] ?? '').replace(/&#39;/g, "'").replace(/&amp;/g, '&')]),
    )
    const versionsBefore = await database.db.query(
      `SELECT v.words FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = $1`,
      [slug],
    )
    const saved = await submit(analyst, wordsPage, wordsPage, {
      ...fields,
      'q-how-did-you-find-the-title': 'Sut brofiad oedd y porth?',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(builder.home(slug))
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.words.cy?.questions['how-did-you-find-the']?.title).toBe('Sut brofiad oedd y porth?')
    expect(
      await database.db.query(
        `SELECT v.words FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = $1`,
        [slug],
      ),
    ).toEqual(versionsBefore)
  })

  it('offers a language only once all its words are written, and changes the other settings', async () => {
    const before = await snapshot(database.db)
    const refused = await submit(analyst, builder.settings(slug), builder.settings(slug), {
      audience: 'parent-carer',
      easyRead: 'no',
      languages: ['cy', 'ur'],
      minutes: '10',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Urdu has words missing, so it cannot be offered yet')
    expect(await snapshot(database.db)).toBe(before)
    const saved = await submit(analyst, builder.settings(slug), builder.settings(slug), {
      audience: 'professional',
      easyRead: 'no',
      languages: ['cy'],
      minutes: '10',
    })
    expect(saved.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition).toMatchObject({
      audience: 'professional',
      estimatedMinutes: 10,
      languages: ['en', 'cy'],
    })
  })

  it('shows what is not published yet', async () => {
    const page = await analyst.get(builder.home(slug))
    expect(page.text).toContain('You have changes that are not published yet')
    expect(page.text).toContain('Question added: How did you find the portal?')
  })
})
