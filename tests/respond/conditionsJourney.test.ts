import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { conditionalSurvey } from '../fixtures/conditionalSurvey'

/** The respondent journey of a survey with conditions, a number question and information pages, JavaScript off. */
let database: TestDatabase
let testApp: TestApp
let organisation: string
const survey = 'pets-and-you'

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const inserted = await insertOrganisation(database.db)
  organisation = inserted.slug
  await insertSurvey(database.db, { organisationId: inserted.id, template: conditionalSurvey })
})
afterAll(() => database.drop())

const pagePath = (pageId: string) => paths.respond.informationPage(organisation, survey, pageId)
const checkAnswersPath = () => paths.respond.checkAnswers(organisation, survey)
const location = (response: { headers: Record<string, unknown> }) => String(response.headers.location)

async function started(language?: string): Promise<Respondent> {
  const respondent = new Respondent(testApp.app, organisation, survey)
  const begun = await respondent.begin(language)
  expect(begun.status).toBe(303)
  return respondent
}

/** Each id once, and each label for an element that is there: what a screen reader needs of a form. */
function expectSoundLabels(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])
  expect(new Set(ids).size).toBe(ids.length)
  for (const [, target] of html.matchAll(/<label[^>]* for="([^"]+)"/g)) expect(ids).toContain(target)
}

async function draftAnswers(): Promise<Record<string, unknown>[]> {
  const rows = await database.db.query<{ answers: Record<string, unknown> }>('SELECT answers FROM drafts')
  return rows.map((row) => row.answers)
}

async function storedAnswers(): Promise<Record<string, unknown>[]> {
  const rows = await database.db.query<{ answers: Record<string, unknown> }>(
    `SELECT answers FROM responses UNION ALL SELECT answers FROM held_responses`,
  )
  return rows.map((row) => row.answers)
}

async function clearResponses(): Promise<void> {
  await database.db.query('DELETE FROM responses')
  await database.db.query('DELETE FROM held_responses')
  await database.db.query('DELETE FROM drafts')
}

beforeEach(clearResponses)

describe('a respondent with pets', () => {
  it('reads the information page before its question, answers a number, and sends every asked answer', async () => {
    const respondent = await started()
    const yes = await respondent.answer('has-pet', 'yes')
    expect(location(yes)).toBe(pagePath('about-pets'))

    const information = await respondent.get(pagePath('about-pets'))
    expect(information.status).toBe(200)
    expect(information.text).toContain('<h1 class="govuk-heading-l">About your pets</h1>')
    expect(information.text).toContain('Take your time.')
    expect(information.text).toContain(`href="${respondent.questionPath('has-pet')}" class="govuk-back-link"`)
    const onwards = await respondent.post(pagePath('about-pets'))
    expect(onwards.status).toBe(303)
    expect(location(onwards)).toBe(respondent.questionPath('pet-count'))

    const numberPage = await respondent.get(respondent.questionPath('pet-count'))
    expect(numberPage.text).toContain('inputmode="numeric"')
    expect(numberPage.text).toContain('value="dont-know"')
    expect(numberPage.text).toContain(`href="${pagePath('about-pets')}" class="govuk-back-link"`)
    expect(numberPage.text).toContain('Enter a number between 1 and 20')
    expectSoundLabels(numberPage.text)
    expectSoundLabels(information.text)

    expect(location(await respondent.answer('pet-count', '3'))).toBe(respondent.questionPath('pet-kinds'))
    expect(location(await respondent.answer('pet-kinds', ['dog', 'fish']))).toBe(
      respondent.questionPath('dog-walks'),
    )
    await respondent.answerAll({ 'dog-walks': 'daily', worries: '' })
    expect(location(await respondent.answer('age', ['', 'prefer-not-to-say']))).toBe(pagePath('nearly-done'))
    expect(location(await respondent.post(pagePath('nearly-done')))).toBe(checkAnswersPath())

    const check = await respondent.get(checkAnswersPath())
    expect(check.text).not.toContain('Not asked')
    expect(check.text).toContain(`href="${pagePath('nearly-done')}" class="govuk-back-link"`)
    expect((await respondent.send()).status).toBe(303)
    expect(await storedAnswers()).toEqual([
      {
        'has-pet': 'yes',
        'pet-count': '3',
        'pet-kinds': ['dog', 'fish'],
        'dog-walks': 'daily',
        worries: null,
        age: 'prefer-not-to-say',
      },
    ])
  })

  it('keeps a wrong number on the page with a clear error, and saves nothing', async () => {
    const respondent = await started()
    await respondent.answer('has-pet', 'yes')
    await respondent.post(pagePath('about-pets'))
    const cases: [string | string[], string][] = [
      ['two', 'Enter a whole number, like 12'],
      ['2.5', 'Enter a whole number, like 12'],
      ['21', 'Enter a number between 1 and 20'],
      ['', 'Enter a whole number, like 12'],
      [['4', 'dont-know'], 'Enter a number or choose &#34;I don&#39;t know&#34;. Not both'],
    ]
    for (const [typed, message] of cases) {
      const page = await respondent.answer('pet-count', typed)
      expect(page.status).toBe(400)
      expect(page.text).toContain('<title>Error:')
      expect(page.text).toContain('govuk-error-summary')
      expect(page.text).toContain(`href="#answer">${message}</a>`)
      expect(page.text).toContain('govuk-input--error')
      expectSoundLabels(page.text)
      const box = Array.isArray(typed) ? (typed[0] ?? '') : typed
      expect(page.text).toContain(
        `id="answer" name="answer" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="${box}"`,
      )
    }
    expect(await draftAnswers()).toEqual([{ 'has-pet': 'yes' }])
  })

  it('answers in Urdu, with the number error in Urdu and right to left', async () => {
    const respondent = await started('ur')
    await respondent.answer('has-pet', 'yes')
    const page = await respondent.answer('pet-count', '50')
    expect(page.status).toBe(400)
    expect(page.text).toContain('lang="ur" dir="rtl"')
    expect(page.text).toContain('1 اور 20 کے درمیان کوئی عدد لکھیں')
    const information = await respondent.get(pagePath('about-pets'))
    expect(information.text).toContain('آپ کے پالتو جانور')
  })
})

describe('a respondent without pets', () => {
  it('is never shown, asked or stored the pet questions, and check answers says "Not asked"', async () => {
    const respondent = await started()
    expect(location(await respondent.answer('has-pet', 'no'))).toBe(respondent.questionPath('worries'))
    for (const skipped of [respondent.questionPath('pet-count'), pagePath('about-pets')]) {
      const visit = await respondent.get(skipped)
      expect(visit.status).toBe(303)
      expect(location(visit)).toBe(respondent.questionPath('worries'))
    }
    const forced = await respondent.post(respondent.questionPath('pet-count'), { answer: '4' })
    expect(forced.status).toBe(303)
    expect(await draftAnswers()).toEqual([{ 'has-pet': 'no' }])

    await respondent.answerAll({ worries: 'Nothing really', age: '12' })
    const check = await respondent.get(checkAnswersPath())
    expect(check.text.match(/Not asked/g)).toHaveLength(3)
    expect(check.text).not.toContain(`href="${respondent.questionPath('pet-count')}"`)
    expect(check.text).toContain(`href="${respondent.questionPath('has-pet')}"`)
    expect(check.text).toContain('govuk-summary-list__row--no-actions')
    await respondent.send()
    expect(await storedAnswers()).toEqual([{ 'has-pet': 'no', worries: 'Nothing really', age: '12' }])
  })

  it('drops answers a change made unasked, at check answers and when sent', async () => {
    const respondent = await started()
    await respondent.answer('has-pet', 'yes')
    await respondent.answerAll({ 'pet-count': '2', 'pet-kinds': ['dog'], 'dog-walks': 'weekly', worries: '' })
    await respondent.answer('age', '15')
    const changed = await respondent.answer('has-pet', 'not-sure')
    expect(location(changed)).toBe(checkAnswersPath())
    const check = await respondent.get(checkAnswersPath())
    expect(check.text.match(/Not asked/g)).toHaveLength(3)
    expect(check.text).not.toContain('Every week')
    await respondent.send()
    expect(await storedAnswers()).toEqual([{ 'has-pet': 'not-sure', worries: null, age: '15' }])
  })

  it('cannot send with a newly asked question unanswered: back to it first', async () => {
    const respondent = await started()
    await respondent.answerAll({ 'has-pet': 'no', worries: '', age: '10' })
    const changed = await respondent.answer('has-pet', 'yes')
    expect(location(changed)).toBe(pagePath('about-pets'))
    const sent = await respondent.send()
    expect(sent.status).toBe(303)
    expect(location(sent)).toBe(pagePath('about-pets'))
    expect(await storedAnswers()).toEqual([])
  })
})

describe('safeguarding and pages of this survey', () => {
  it('still reads an asked free-text answer for worrying words', async () => {
    const respondent = await started()
    await respondent.answerAll({ 'has-pet': 'no', worries: 'I want to die', age: '14' })
    await respondent.send()
    const alerts = await database.db.query<{ kind: string }>('SELECT kind FROM safeguarding_alerts')
    expect(alerts.map((alert) => alert.kind)).toEqual(['free-text'])
  })

  it('gives 404 for an information page the survey does not have', async () => {
    const respondent = await started()
    expect((await respondent.get(pagePath('no-such-page'))).status).toBe(404)
  })

  it('needs the form token to continue from an information page', async () => {
    const respondent = await started()
    await respondent.answer('has-pet', 'yes')
    const refused = await respondent.agent.post(pagePath('about-pets')).type('form').send({})
    expect(refused.status).toBe(403)
  })
})

describe('offered languages', () => {
  it("offers only the survey's languages, and gives English for one it does not offer", async () => {
    const respondent = new Respondent(testApp.app, organisation, survey)
    const welsh = await respondent.get(`${respondent.startPath}?lang=cy`)
    expect(welsh.status).toBe(200)
    expect(welsh.text).toContain('<html lang="en"')
    expect(welsh.text).not.toContain('hreflang="cy"')
    expect(welsh.text).toContain('hreflang="ur"')
    const urdu = await respondent.get(`${respondent.startPath}?lang=ur`)
    expect(urdu.text).toContain('lang="ur" dir="rtl"')
    expect(urdu.text).toContain('پالتو جانور اور آپ')
  })
})
