import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let viewer: Agent
let analyst: Agent
const results = paths.manage.results('what-i-need')

/** n copies of an answer, spread so each response gets one value per question. */
const spread = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([value, n]) => Array<string>(n).fill(value))

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db)
  const { surveyId } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'what-i-need',
  })
  // 40 responses. listened-to: 20 very important, 10 important, 10 don't know.
  // healthiest: 25 very important, 3 important, 12 not important.
  const listened = spread({ 'very-important': 20, important: 10, 'dont-know': 10 })
  const healthiest = spread({ 'very-important': 25, important: 3, 'not-important': 12 })
  await insertResponses(
    database.db,
    { organisationId: organisation.id, surveyId },
    listened.map((value, index) => ({
      answers: {
        'listened-to': value,
        healthiest: healthiest[index],
        'life-better': index < 12 ? `Idea ${index}` : null,
        'age-group': '12-15',
        helper: 'no',
      },
      language: index < 32 ? 'en' : 'cy',
    })),
  )
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})
afterAll(() => database.drop())

describe('the results page', () => {
  it('leads with the headline and its 95% Wilson interval, leaving "I don\'t know" out of the denominator', async () => {
    const page = await viewer.get(results)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Responses: 40')
    // 20 of 30: 66.7%. Wilson, z = 1.96: centre (p + z²/2n)/(1 + z²/n) = 0.6478, half-width 0.1600: 48.8% to 80.8%.
    expect(page.text).toContain('66.7% rated this very important')
    expect(page.text).toContain('95% confidence interval: 48.8% to 80.8%.')
    expect(page.text).toContain('40 answered; percentages are of 30')
    expect(page.text).toMatch(
      /I don&#39;t know<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">10<\/td>\s*<td[^>]*>not in percentages/,
    )
    expect(page.text).toContain('<div class="heard-bars" role="img"')
    const section = page.text.slice(
      page.text.indexOf('id="result-life-better"'),
      page.text.indexOf('id="result-age-group"'),
    )
    expect(section).toContain('12 people wrote an answer.')
  })

  it('hides a small count, and the next smallest so it cannot be worked out from the total', async () => {
    const page = await viewer.get(results)
    const healthiest = page.text.slice(
      page.text.indexOf('id="result-healthiest"'),
      page.text.indexOf('id="result-safe"'),
    )
    // 3 "important" is under 10; 12 "not important" is hidden too, or 40 - 25 - 12 would give 3.
    expect(healthiest).toMatch(/Important<\/th>\s*<td[^>]*>fewer than 10<\/td>/)
    expect(healthiest).toMatch(/Not important<\/th>\s*<td[^>]*>fewer than 10<\/td>/)
    expect(healthiest).toMatch(/Very important<\/th>\s*<td[^>]*>25<\/td>/)
  })

  it('filters by language and about-you answers, and says so when too few remain', async () => {
    const welsh = await viewer.get(`${results}?language=cy`)
    expect(welsh.text).toContain('Responses: fewer than 10')
    expect(welsh.text).toContain('Fewer than 10 people answered this question')
    const none = await viewer.get(`${results}?about-age-group=8-11`)
    expect(none.text).toContain('Responses: 0')
  })

  it('refuses filters that make no sense with 400, keeping them', async () => {
    const bad = await viewer.get(`${results}?from=2026-02-30&to=&language=xx&about-helper=robot`)
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('<a href="#from">Enter a real date</a>')
    expect(bad.text).toContain('<a href="#language">Choose a language from the list</a>')
    expect(bad.text).toContain('value="2026-02-30"')
    const backwards = await viewer.get(`${results}?from=2026-10-10&to=2026-10-01`)
    expect(backwards.status).toBe(400)
    expect(backwards.text).toContain('The last day must be the same as or after the first day')
  })

  it('offers response downloads to analysts but not to viewers', async () => {
    expect((await viewer.get(results)).text).not.toContain('responses.csv')
    expect((await analyst.get(results)).text).toContain('responses.csv')
  })
})
