import type { Express } from 'express'
import { loadTemplate } from '../../server/surveys/templates'
import { insertOrganisation, insertSurvey, publishVersion } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { statementsRated } from '../fixtures/whatINeedAnswers'

let database: TestDatabase
let app: Express
let organisation: { id: string; slug: string }
let surveyId: string

beforeAll(async () => {
  database = await openTestDatabase({ onDisk: true })
  app = (await buildTestApp(database.db)).app
  organisation = await insertOrganisation(database.db)
  surveyId = (await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' }))
    .surveyId
})
afterAll(() => database.drop())

/** The draft cookie exactly as the server set it when the respondent pressed start. */
const draftCookieFrom = (setCookie: string[] | string | undefined) => {
  const header = [setCookie ?? []].flat().find((cookie) => cookie.startsWith('heard.draft='))
  if (!header) throw new Error('No draft cookie')
  return header
}

describe('answers are saved as the respondent goes', () => {
  it('shows a saved answer again on back or refresh', async () => {
    const respondent = new Respondent(app, organisation.slug, 'what-i-need')
    await respondent.begin()
    const answered = await respondent.answer('listened-to', 'important')
    // Each answer moves the draft's expiry on, and the cookie's with it.
    expect(draftCookieFrom(answered.headers['set-cookie'])).toContain('Max-Age=604800')
    const again = await respondent.get(respondent.questionPath('listened-to'))
    expect(again.text).toMatch(/value="important" checked/)
    expect(again.text).toContain(`href="${respondent.startPath}"`)
  })

  it('resumes with the same cookie after the server and database restart', async () => {
    const respondent = new Respondent(app, organisation.slug, 'what-i-need')
    const begun = await respondent.begin()
    await respondent.answerAll({
      'listened-to': 'very-important',
      healthiest: 'important',
      safe: 'dont-know',
    })
    const cookie = draftCookieFrom(begun.headers['set-cookie'])
    expect(cookie).toContain(`Path=${respondent.startPath};`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Max-Age=604800')

    const restarted = await buildTestApp(await database.restart())
    app = restarted.app
    const returning = new Respondent(app, organisation.slug, 'what-i-need')
    returning.agent.jar.setCookie(cookie, '127.0.0.1', '/')
    const start = await returning.get(returning.startPath)
    expect(start.text).toContain('Carry on where I left off')
    const carryOn = await returning.post(`${returning.startPath}/start`)
    expect(carryOn.headers.location).toBe(returning.questionPath('accepted-valued'))
    const safe = await returning.get(returning.questionPath('safe'))
    expect(safe.text).toMatch(/value="dont-know" checked/)
  })

  it('forgets a draft once it has expired', async () => {
    const respondent = new Respondent(app, organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answer('listened-to', 'important')
    await database.db.query(`UPDATE drafts SET expires_at = now() - interval '1 second'`)
    const start = await respondent.get(respondent.startPath)
    expect(start.text).toContain('Start now')
    const question = await respondent.agent.get(respondent.questionPath('healthiest'))
    expect(question.headers.location).toBe(respondent.startPath)
  })
})

describe('versions', () => {
  it('a draft stays on the version it started; new respondents get the newest; each response records its version', async () => {
    const template = loadTemplate('what-i-need')
    const early = new Respondent(app, organisation.slug, 'what-i-need')
    await early.begin()
    await early.answer('listened-to', 'important')

    // Version 2 drops the last question.
    const definition = { ...template.definition, questions: template.definition.questions.slice(0, -1) }
    await publishVersion(database.db, {
      organisationId: organisation.id,
      surveyId,
      version: 2,
      template: { ...template, definition },
    })

    const late = new Respondent(app, organisation.slug, 'what-i-need')
    await late.begin()
    const lateAnswers = {
      ...statementsRated(),
      'life-better': undefined,
      'age-group': '16-18',
    }
    await late.answerAll(lateAnswers)
    expect((await late.get(late.questionPath('helper'))).status).toBe(404)
    await late.send()

    await early.answerAll({ ...lateAnswers, 'listened-to': 'important', helper: 'no' })
    await early.send()

    const rows = await database.db.query<{ version: number; answers: Record<string, unknown> }>(
      'SELECT version, answers FROM responses WHERE survey_id = $1 ORDER BY version',
      [surveyId],
    )
    expect(rows.map((row) => row.version)).toEqual([1, 2])
    expect(rows[0]?.answers.helper).toBe('no')
    expect(rows[1]?.answers).not.toHaveProperty('helper')
  })
})
