import { paths } from '../../server/paths'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import type { SurveyWords } from '../../server/surveys/words'
import { everyQuestionType } from '../fixtures/everyQuestionType'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { postWords, sentenceOf } from './wordsFormPage'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
let admin: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'what-i-need',
    status: 'draft',
  })
  await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
    status: 'draft',
  })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  admin = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'admin' })
})
afterAll(() => database.drop())

const englishWords = paths.manage.words('what-i-need', 'en')
const twentySeven = sentenceOf(27)

const storedWords = async (slug: string) =>
  (
    await database.db.query<{ version: number; words: unknown }>(
      `SELECT v.version, v.words FROM survey_versions v JOIN surveys s ON s.id = v.survey_id
       WHERE s.organisation_id = $1 AND s.slug = $2 ORDER BY v.version`,
      [organisation.id, slug],
    )
  ).map((row) => ({ version: row.version, words: row.words }))

const overrides = () =>
  database.db.query<{ subject: string; details: Record<string, unknown> }>(
    `SELECT subject, details FROM audit_events WHERE organisation_id = $1 AND action = 'easy-read-checks-overridden'
     ORDER BY occurred_at`,
    [organisation.id],
  )

describe('saving words in an easy-read survey', () => {
  it('refuses a 27-word sentence with 400, saying what is wrong where, keeping the input and writing nothing', async () => {
    const before = await storedWords('what-i-need')
    const refused = await postWords(analyst, englishWords, { 'q-safe-hint': twentySeven })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error:')
    expect(refused.text).toContain(
      `<a href="#q-safe-hint">This sentence has 27 words. Easy-read sentences must have 15 words or fewer: “${twentySeven.slice(0, -1)}”</a>`,
    )
    expect(refused.text).toMatch(/id="q-safe-hint-error"/)
    expect(refused.text).toContain(`${twentySeven}</textarea>`)
    expect(await storedWords('what-i-need')).toEqual(before)
    expect(
      await database.db.query(
        `SELECT 1 FROM audit_events WHERE organisation_id = $1 AND action = 'survey-words-changed'`,
        [organisation.id],
      ),
    ).toHaveLength(0)
  })

  it('refuses jargon, saying what to say instead', async () => {
    const refused = await postWords(analyst, englishWords, {
      'q-life-better-hint': 'Tell us about your EHCP.',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#q-life-better-hint">Say “your plan” instead of “EHCP”</a>')
  })

  it('does not let an analyst override the checks, even by posting the override', async () => {
    const before = await storedWords('what-i-need')
    const page = await postWords(analyst, englishWords, { 'q-safe-hint': twentySeven })
    expect(page.text).not.toContain('name="override"')
    const refused = await postWords(analyst, englishWords, {
      'q-safe-hint': twentySeven,
      override: 'yes',
      overrideReason: 'The young people chose these words',
    })
    expect(refused.status).toBe(400)
    expect(await storedWords('what-i-need')).toEqual(before)
    expect(await overrides()).toEqual([])
  })

  it('lets an admin save anyway with a reason, and audits the override', async () => {
    const offered = await postWords(admin, englishWords, { 'q-safe-hint': twentySeven })
    expect(offered.status).toBe(400)
    expect(offered.text).toContain('name="override"')

    const noReason = await postWords(admin, englishWords, { 'q-safe-hint': twentySeven, override: 'yes' })
    expect(noReason.status).toBe(400)
    expect(noReason.text).toContain('<a href="#overrideReason">Enter why the checks should be overridden</a>')
    expect(await overrides()).toEqual([])

    const saved = await postWords(admin, englishWords, {
      'q-safe-hint': twentySeven,
      override: 'yes',
      overrideReason: 'The young people chose these words',
    })
    expect(saved.status).toBe(303)
    const [current] = await storedWords('what-i-need')
    expect(current?.words).toMatchObject({ en: { questions: { safe: { hint: twentySeven } } } })
    expect(await overrides()).toEqual([
      {
        subject: 'what-i-need',
        details: {
          when: 'saving-words',
          language: 'en',
          version: 1,
          problems: 1,
          reason: 'The young people chose these words',
        },
      },
    ])
  })

  it('checks Welsh and Urdu sentences too', async () => {
    const urdu = `${Array.from({ length: 16 }, () => 'لفظ').join(' ')}۔`
    const refused = await postWords(analyst, paths.manage.words('what-i-need', 'ur'), { 'q-safe-hint': urdu })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#q-safe-hint">This sentence has 16 words.')
  })
})

describe('saving words in a survey that is not easy read', () => {
  it('saves a long sentence with a warning, which the survey page then shows', async () => {
    const long = sentenceOf(27)
    const saved = await postWords(analyst, paths.manage.words('ehcp-experience', 'en'), {
      'q-improve-hint': long,
    })
    expect(saved.status).toBe(303)
    const [current] = await storedWords('ehcp-experience')
    expect(current?.words).toMatchObject({ en: { questions: { improve: { hint: long } } } })
    const page = await analyst.get(paths.manage.survey('ehcp-experience'))
    expect(page.text).toContain('Worth checking')
    expect(page.text).toContain(
      'English: Question 8, hint. This sentence has 27 words. Try to keep sentences to 25 words or fewer',
    )
    const editor = await analyst.get(paths.manage.words('ehcp-experience', 'en'))
    expect(editor.text).toContain('id="q-improve-hint-notes"')
    expect(editor.text).toContain('aria-describedby="q-improve-hint-notes"')
  })
})

describe('the words a respondent meets beyond the questions', () => {
  const slug = 'every-question-type'
  const withPage = (words: SurveyWords | undefined, title: string): SurveyWords => {
    if (!words) throw new Error('The fixture has no words in this language')
    return {
      ...words,
      questions: {
        ...words.questions,
        single: { ...(words.questions.single ?? { title }), optionHints: { bus: 'The school bus' } },
      },
      pages: { 'about-home': { title, body: ['The next question is about home.'] } },
    }
  }

  beforeAll(async () => {
    const definition = surveyDefinitionSchema.parse({
      ...everyQuestionType.definition,
      informationPages: [{ id: 'about-home', before: 'faces' }],
    })
    const words = {
      en: withPage(everyQuestionType.words.en, 'Home'),
      cy: withPage(everyQuestionType.words.cy, 'Cartref'),
      ur: withPage(everyQuestionType.words.ur, 'گھر'),
    }
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: { definition, words },
      status: 'draft',
    })
  })

  it('has boxes for a described picture and an information page, and keeps option hints when saving', async () => {
    const page = await analyst.get(paths.manage.words(slug, 'en'))
    expect(page.text).toContain('id="q-faces-picture-alt"')
    expect(page.text).toContain('id="page-about-home-title"')
    const saved = await postWords(analyst, paths.manage.words(slug, 'en'), {
      'page-about-home-title': 'At home',
    })
    expect(saved.status).toBe(303)
    const [current] = await storedWords(slug)
    expect(current?.words).toMatchObject({
      en: {
        pages: { 'about-home': { title: 'At home', body: ['The next question is about home.'] } },
        questions: { faces: { pictureAlt: 'A house' }, single: { optionHints: { bus: 'The school bus' } } },
      },
    })
  })

  it('refuses to leave a described picture without words', async () => {
    const refused = await postWords(analyst, paths.manage.words(slug, 'cy'), { 'q-faces-picture-alt': ' ' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#q-faces-picture-alt">Enter the words for this box</a>')
  })
})
