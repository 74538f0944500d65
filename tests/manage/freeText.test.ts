import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let analyst: Agent
let viewer: Agent
let responseIds: string[]
const comments = paths.manage.comments('what-i-need')

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db)
  const { surveyId } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'what-i-need',
  })
  const texts = [
    'More buses to college',
    'A quiet room at school',
    'Buses on Sundays',
    '50% more clubs',
    'Nothing <b>bold</b>',
  ]
  responseIds = await insertResponses(database.db, { organisationId: organisation.id, surveyId }, [
    ...texts.map((text) => ({ answers: { 'life-better': text } })),
    { answers: { 'life-better': null } },
    { answers: { 'life-better': 'Bws', helper: 'no' }, language: 'cy' },
  ])
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
  const other = await insertOrganisation(database.db)
  const otherSurvey = await insertSurvey(database.db, { organisationId: other.id, template: 'what-i-need' })
  await insertResponses(database.db, { organisationId: other.id, surveyId: otherSurvey.surveyId }, [
    { answers: { 'life-better': 'Their secret words' } },
  ])
})
afterAll(() => database.drop())

describe('reading free-text answers', () => {
  it('lists every written answer with its question, date and language, escaped, and nothing of another organisation', async () => {
    const page = await viewer.get(comments)
    expect(page.status).toBe(200)
    expect(page.text).toContain('6 answers')
    expect(page.text).toContain('Nothing &lt;b&gt;bold&lt;/b&gt;')
    expect(page.text).toContain('Cymraeg')
    expect(page.text).not.toContain('Their secret words')
    expect(page.text).not.toContain('Tag with themes')
  })

  it('searches case-insensitively, with % taken literally', async () => {
    expect((await viewer.get(`${comments}?q=buses`)).text).toContain('2 answers')
    const percent = await viewer.get(`${comments}?q=${encodeURIComponent('50%')}`)
    expect(percent.text).toContain('1 answer')
  })
})

describe('themes', () => {
  it('an analyst tags answers with new and existing themes; counts under the threshold are not shown', async () => {
    const first = await postForm(analyst, comments, paths.manage.commentThemes('what-i-need'), {
      responseId: responseIds[0] ?? '',
      questionId: 'life-better',
      newTheme: 'Transport',
      back: `${comments}?q=bus`,
    })
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe(`${comments}?q=bus`)
    const [theme] = await database.db.query<{ id: string }>(
      `SELECT id FROM survey_themes WHERE name = 'Transport'`,
    )
    await postForm(analyst, comments, paths.manage.commentThemes('what-i-need'), {
      responseId: responseIds[2] ?? '',
      questionId: 'life-better',
      themes: theme?.id ?? '',
      newTheme: 'transport',
    })
    const themes = await database.db.query<{ name: string }>('SELECT name FROM survey_themes')
    expect(themes).toEqual([{ name: 'Transport' }])
    const page = await analyst.get(`${comments}?theme=${theme?.id ?? ''}`)
    expect(page.text).toContain('2 answers')
    expect(page.text).toMatch(
      /Transport<\/th><td class="govuk-table__cell govuk-table__cell--numeric">fewer than 10</,
    )
  })

  it('refuses to tag something that is not a written answer of this survey, writing nothing', async () => {
    const before = await database.db.query('SELECT * FROM answer_themes')
    for (const fields of [
      { responseId: responseIds[5] ?? '', questionId: 'life-better', newTheme: 'Empty' },
      { responseId: '00000000-0000-4000-8000-000000000000', questionId: 'life-better', newTheme: 'Ghost' },
      { responseId: 'not-a-uuid', questionId: 'life-better', newTheme: 'Bad' },
      { responseId: responseIds[1] ?? '', questionId: 'life-better', newTheme: 'x'.repeat(61) },
    ]) {
      const refused = await postForm(analyst, comments, paths.manage.commentThemes('what-i-need'), fields)
      expect(refused.status).toBe(400)
    }
    expect(await database.db.query('SELECT * FROM answer_themes')).toEqual(before)
    expect(
      (await database.db.query<{ name: string }>('SELECT name FROM survey_themes')).map((row) => row.name),
    ).toEqual(['Transport'])
  })

  it('a viewer cannot tag', async () => {
    const refused = await postForm(viewer, comments, paths.manage.commentThemes('what-i-need'), {
      responseId: responseIds[1] ?? '',
      questionId: 'life-better',
      newTheme: 'Sneaky',
    })
    expect(refused.status).toBe(403)
  })
})
