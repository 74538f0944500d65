import { paths } from '../../server/paths'
import { loadBreakdown } from '../../server/results/breakdown/loadBreakdown'
import { loadSurveyResults } from '../../server/results/surveyResults'
import { aboutYouQuestions } from '../../server/surveys/aboutYou'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import { loadTemplate, type SurveyTemplate } from '../../server/surveys/templates'
import type { SurveyWordsByLanguage } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertResponses, repeated } from './insertResponses'

/** "What I need" with the about-you questions added, as the builder's button adds them. */
function withAboutYou(): SurveyTemplate {
  const template = loadTemplate('what-i-need')
  const set = aboutYouQuestions('young-person')
  const words: SurveyWordsByLanguage = {}
  for (const [language, surveyWords] of Object.entries(template.words))
    words[language] = {
      ...surveyWords,
      questions: { ...surveyWords.questions, ...set.words[language]?.questions },
    }
  const definition = surveyDefinitionSchema.parse({
    ...template.definition,
    id: 'about-you-survey',
    questions: [...template.definition.questions, ...set.questions],
  })
  return { definition, words }
}

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let survey: { surveyId: string; slug: string }
let viewer: Agent

/**
 * 70 responses, counted by hand. "I need to be listened to" by gender:
 *   girl or young woman 30: 20 very important, 10 important
 *   boy or young man    25: 15 very important, 10 not important
 *   non-binary           3:  3 very important
 *   did not answer      12: 12 important (7 in Welsh)
 * Whole selection: 38 very important, 22 important, 10 not important, 70 answered.
 */
beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  survey = await insertSurvey(database.db, { organisationId: organisation.id, template: withAboutYou() })
  const answer = (listened: string, gender?: string) => ({
    answers: { 'listened-to': listened, ...(gender ? { 'about-you-gender': gender } : {}) },
  })
  await insertResponses(database.db, { organisationId: organisation.id, surveyId: survey.surveyId }, [
    ...repeated(20, answer('very-important', 'girl-woman')),
    ...repeated(10, answer('important', 'girl-woman')),
    ...repeated(15, answer('very-important', 'boy-man')),
    ...repeated(10, answer('not-important', 'boy-man')),
    ...repeated(3, answer('very-important', 'non-binary')),
    ...repeated(5, answer('important')),
    ...repeated(7, { ...answer('important'), language: 'cy' }),
  ])
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
})
afterAll(() => database.drop())

const key = () => ({ organisationId: organisation.id, surveyId: survey.surveyId })

describe('loading a breakdown', () => {
  it('counts each answer of the about-you question as a group, and the rest as "did not answer"', async () => {
    const breakdown = await loadBreakdown(database.db, { ...key(), filter: {}, by: 'about-you-gender' })
    const listened = breakdown?.questions.find(({ question }) => question.id === 'listened-to')
    const counts = listened?.groups.map(({ group, table }) => [
      group,
      table.answered,
      ...table.cells.map((cell) => cell.count),
    ])
    // very important, important, not important, don't know
    expect(counts).toEqual([
      ['girl-woman', 30, 20, 10, 0, 0],
      ['boy-man', 25, 15, 0, 10, 0],
      ['non-binary', 3, 3, 0, 0, 0],
      ['another-way', 0, 0, 0, 0, 0],
      ['prefer-not-to-say', 0, 0, 0, 0, 0],
      [null, 12, 0, 12, 0, 0],
    ])
    expect(breakdown?.questions.map(({ question }) => question.id)).not.toContain('about-you-gender')
    expect(breakdown?.questions.map(({ question }) => question.id)).not.toContain('life-better')
  })

  it('adds up to the results page for the same selection', async () => {
    const filter = { language: 'en' }
    const breakdown = await loadBreakdown(database.db, { ...key(), filter, by: 'about-you-gender' })
    const results = await loadSurveyResults(database.db, { ...key(), filter })
    for (const { question, groups } of breakdown?.questions ?? []) {
      const whole = results.questions.find(({ questionId }) => questionId === question.id)
      expect(groups.reduce((sum, { table }) => sum + table.answered, 0)).toBe(whole?.answered.value)
    }
    const listened = breakdown?.questions.find(({ question }) => question.id === 'listened-to')
    expect(listened?.groups.at(-1)?.table.answered).toBe(5)
  })

  it('withholds the small group, and a second group so the totals cannot give it back', async () => {
    const breakdown = await loadBreakdown(database.db, { ...key(), filter: {}, by: 'about-you-gender' })
    const listened = breakdown?.questions.find(({ question }) => question.id === 'listened-to')
    const hidden = Object.fromEntries(
      listened?.groups.map(({ group, hidden }) => [String(group), hidden]) ?? [],
    )
    expect(hidden['non-binary']?.question).toBe(true)
    // 70 answered on the results page, less 30, 25 and three 0s, would give non-binary's 3 if the
    // "did not answer" 12 were shown.
    expect(hidden.null?.question).toBe(true)
    expect(hidden['girl-woman']).toEqual({
      question: false,
      cells: [false, false, false, false],
      denominator: false,
      numerator: false,
    })
    // 38 very important, less the girls' 20, leaves non-binary's 3 unless the boys' 15 is hidden too.
    expect(hidden['boy-man']?.cells[0]).toBe(true)
  })

  it('counts an answer the question no longer offers under "did not answer", so the groups still add up', async () => {
    const other = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: withAboutYou(),
      slug: 'about-you-retired',
    })
    const otherKey = { organisationId: organisation.id, surveyId: other.surveyId }
    await insertResponses(database.db, otherKey, [
      ...repeated(12, { answers: { 'listened-to': 'important', 'about-you-gender': 'girl-woman' } }),
      ...repeated(11, { answers: { 'listened-to': 'important', 'about-you-gender': 'a-retired-answer' } }),
    ])
    const breakdown = await loadBreakdown(database.db, { ...otherKey, filter: {}, by: 'about-you-gender' })
    const listened = breakdown?.questions.find(({ question }) => question.id === 'listened-to')
    expect(listened?.groups.map(({ group, table }) => [group, table.answered])).toEqual([
      ['girl-woman', 12],
      ['boy-man', 0],
      ['non-binary', 0],
      ['another-way', 0],
      ['prefer-not-to-say', 0],
      [null, 11],
    ])
  })

  it('is undefined for a question that cannot split the responses into groups', async () => {
    expect(await loadBreakdown(database.db, { ...key(), filter: {}, by: 'listened-to' })).toBeUndefined()
    expect(await loadBreakdown(database.db, { ...key(), filter: {}, by: 'no-such-question' })).toBeUndefined()
  })
})

describe('the breakdown page', () => {
  const page = (query = '') => viewer.get(`${paths.manage.breakdown(survey.slug)}${query}`)

  it('is linked from the results page, keeping the selection', async () => {
    const results = await viewer.get(`${paths.manage.results(survey.slug)}?language=en`)
    expect(results.text).toContain(`href="${paths.manage.breakdown(survey.slug)}?language=en"`)
  })

  it('offers the about-you questions to break down by', async () => {
    const response = await page()
    expect(response.status).toBe(200)
    for (const title of [
      'How old are you?',
      'Are you a girl, a boy, or something else?',
      'Where do you go to learn?',
    ])
      expect(response.text).toContain(title)
    expect(response.text).not.toContain('<table')
  })

  it('shows a table per question with counts, percentages and intervals, and withheld figures in words', async () => {
    const response = await page('?by=about-you-gender')
    expect(response.status).toBe(200)
    const table = response.text.slice(response.text.indexOf('I need to be listened to and heard.'))
    const row = (group: string) =>
      (table.split('<tr').find((each) => each.includes(`>${group}</th>`)) ?? '').split('</tr>')[0] ?? ''
    const girls = row('Girl or young woman')
    expect(girls).toContain('>30<')
    expect(girls).toContain('20<br><span class="govuk-body-s">66.7%, 95% interval 48.8% to 80.8%')
    expect(girls).toContain('10<br><span class="govuk-body-s">33.3%')
    expect(row('Non-binary')).toContain('fewer than 10')
    expect(row('Non-binary')).not.toContain('>3<')
    expect(row('Did not answer')).toContain('fewer than 10')
    expect(row('Did not answer')).not.toContain('>12<')
    expect(response.text).toContain('Numbers under 10 are not shown')
  })

  it('carries the results selection and counts only it', async () => {
    const response = await page('?by=about-you-gender&language=cy')
    expect(response.status).toBe(200)
    expect(response.text).toContain('<input type="hidden" name="language" value="cy">')
    expect(response.text).toContain('Only the responses in the selection')
  })

  it('refuses a question that is not an about-you question with 400 and an error summary', async () => {
    const response = await page('?by=listened-to')
    expect(response.status).toBe(400)
    expect(response.text).toContain('<a href="#by">Choose an &#34;about you&#34; question')
    expect(response.text).not.toContain('<table')
  })

  it('refuses a broken selection with 400, and is 404 for a survey that is not there', async () => {
    const broken = await page('?by=about-you-gender&from=banana')
    expect(broken.status).toBe(400)
    expect(broken.text).toContain('The results filter in this address is not valid.')
    expect((await viewer.get(paths.manage.breakdown('no-such-survey'))).status).toBe(404)
  })
})
