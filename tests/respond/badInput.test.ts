import request from 'supertest'
import { countRows, insertSurvey } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need', 'ehcp-experience'])

beforeAll(async () => {
  await insertSurvey(heard.database.db, {
    organisationId: heard.organisation.id,
    template: 'what-i-need',
    slug: 'closed',
    status: 'closed',
  })
  await insertSurvey(heard.database.db, {
    organisationId: heard.organisation.id,
    template: 'what-i-need',
    slug: 'not-yet',
    status: 'draft',
  })
  await insertSurvey(heard.database.db, {
    organisationId: heard.organisation.id,
    template: 'what-i-need',
    slug: 'past-closing-date',
    closesAt: new Date(Date.now() - 60_000),
  })
})

const draftAnswers = async () => {
  const rows = await heard.database.db.query<{ answers: Record<string, unknown> }>(
    'SELECT answers FROM drafts',
  )
  return rows.map((row) => row.answers)
}

const startedRespondent = async (survey = 'what-i-need') => {
  const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, survey)
  await respondent.begin()
  return respondent
}

describe('CSRF', () => {
  it('refuses to start a draft without the token (403) and writes nothing', async () => {
    const before = await countRows(heard.database.db, 'drafts')
    const agent = request.agent(heard.testApp.app)
    await agent.get(`/s/${heard.organisation.slug}/what-i-need`)
    const refused = await agent.post(`/s/${heard.organisation.slug}/what-i-need/start`).type('form').send({})
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('Your page has expired')
    expect(await countRows(heard.database.db, 'drafts')).toBe(before)
  })

  it('refuses an answer or a submit with a wrong token and changes nothing', async () => {
    const respondent = await startedRespondent()
    const before = await draftAnswers()
    const path = respondent.questionPath('listened-to')
    const wrong = await respondent.agent
      .post(path)
      .type('form')
      .send({ answer: 'important', _csrf: 'not-the-token' })
    expect(wrong.status).toBe(403)
    const none = await respondent.agent.post(path).type('form').send({ answer: 'important' })
    expect(none.status).toBe(403)
    expect(await draftAnswers()).toEqual(before)
    const submit = await respondent.agent
      .post(`/s/${heard.organisation.slug}/what-i-need/submit`)
      .type('form')
      .send({})
    expect(submit.status).toBe(403)
    expect(await countRows(heard.database.db, 'responses')).toBe(0)
  })
})

describe('answers that are missing or wrong', () => {
  it('re-shows a required question with status 400, an error summary linking to the field, and "Error:" in the title', async () => {
    const respondent = await startedRespondent()
    const before = await draftAnswers()
    const page = await respondent.answer('listened-to', undefined)
    expect(page.status).toBe(400)
    expect(page.text).toMatch(/<title>Error: I need to be listened to and heard\./)
    expect(page.text).toContain('class="govuk-error-summary"')
    expect(page.text).toContain('<a href="#answer">Choose an answer</a>')
    expect(page.text).toContain('id="answer-error"')
    expect(page.text).toContain('aria-describedby="answer-hint answer-error"')
    expect(await draftAnswers()).toEqual(before)
  })

  it('refuses a value that is not one of the options', async () => {
    const respondent = await startedRespondent()
    const page = await respondent.answer('listened-to', 'extremely-important')
    expect(page.status).toBe(400)
    expect(page.text).toContain('Choose one of the answers shown')
    expect(page.text).not.toContain(' checked')
  })

  it('keeps over-long free text, escaped, and says how long it may be', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answerAll(statementsRated())
    const text = `<script>alert("x")</script>${'a'.repeat(1000)}`
    const page = await respondent.answer('life-better', text)
    expect(page.status).toBe(400)
    expect(page.text).toContain('Your answer must be 1000 characters or fewer')
    expect(page.text).toContain('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;aaaa')
    expect(page.text).not.toContain('<script>alert')
    const saved = await heard.database.db.query<{ answers: Record<string, unknown> }>(
      `SELECT answers FROM drafts WHERE answers ? 'enjoy-life'`,
    )
    expect(saved.every((row) => !('life-better' in row.answers))).toBe(true)
  })

  it('refuses free text with control characters with the 400 page, storing nothing; tabs and line breaks are fine', async () => {
    const respondent = await startedRespondent()
    await respondent.answerAll(statementsRated())
    const page = await respondent.answer('life-better', 'a\u0000b\u0007c\td\ne')
    expect(page.status).toBe(400)
    const rows = () =>
      heard.database.db.query<{ answers: Record<string, unknown> }>(
        `SELECT answers FROM drafts WHERE answers ? 'life-better'`,
      )
    expect(await rows()).toEqual([])
    expect((await respondent.answer('life-better', 'abc\td\ne')).status).toBe(303)
    expect((await rows()).map((row) => row.answers['life-better'])).toContain('abc\td\ne')
  })

  it('refuses two answers to a question that takes one', async () => {
    const respondent = await startedRespondent('ehcp-experience')
    const page = await respondent.answer('assessment-satisfied', ['agree', 'disagree'])
    expect(page.status).toBe(400)
  })

  it('never answers hostile or malformed input with a 500', async () => {
    const respondent = await startedRespondent()
    const path = respondent.questionPath('listened-to')
    await respondent.get(path)
    const token = /name="_csrf" value="([^"]+)"/.exec((await respondent.get(path)).text)?.[1] ?? ''
    const bodies = [
      `answer[]=important&_csrf=${token}`,
      `answer[a][b]=1&_csrf=${token}`,
      `answer=%E0%A4%A&_csrf=${token}`,
      `answer=${'%00'.repeat(50)}&_csrf=${token}`,
      `${Array.from({ length: 500 }, (_, i) => `f${i}=1`).join('&')}&_csrf=${token}`,
    ]
    for (const body of bodies) {
      const response = await respondent.agent.post(path).type('form').send(body)
      expect([400, 403, 413]).toContain(response.status)
      expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/)
    }
    const json = await respondent.agent
      .post(path)
      .set('content-type', 'application/json')
      .send('{"answer": "important"')
    expect(json.status).toBe(403)
    expect(await countRows(heard.database.db, 'responses')).toBe(0)
  })
})

describe('things that do not exist', () => {
  it.each([
    ['an unknown organisation', '/s/nobody/what-i-need'],
    ['an unknown survey', (slug: string) => `/s/${slug}/no-such-survey`],
    ['an unknown question', (slug: string) => `/s/${slug}/what-i-need/questions/no-such-question`],
    ['a survey still being drafted', (slug: string) => `/s/${slug}/not-yet`],
    ['a URL with characters slugs never have', (slug: string) => `/s/${slug}/WHAT%27;--`],
    ['a page that does not exist', '/no/such/page'],
  ])('%s is a 404 page', async (_name, path) => {
    const response = await request(heard.testApp.app).get(
      typeof path === 'string' ? path : path(heard.organisation.slug),
    )
    expect(response.status).toBe(404)
    expect(response.text).toContain('Page not found')
  })

  it('a survey with no published version is a 404', async () => {
    await heard.database.db.query(
      `INSERT INTO surveys (organisation_id, id, slug, template_id, status) VALUES ($1, gen_random_uuid(), 'empty', 'what-i-need', 'open')`,
      [heard.organisation.id],
    )
    expect((await request(heard.testApp.app).get(`/s/${heard.organisation.slug}/empty`)).status).toBe(404)
  })
})

describe('closed surveys', () => {
  it.each(['closed', 'past-closing-date'])('%s shows a clear closed page and takes nothing', async (slug) => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, slug)
    const page = await respondent.get(respondent.startPath)
    expect(page.status).toBe(410)
    expect(page.text).toContain('This survey has closed')
    const before = await countRows(heard.database.db, 'drafts')
    const question = await respondent.get(respondent.questionPath('listened-to'))
    expect(question.status).toBe(410)
    expect(await countRows(heard.database.db, 'drafts')).toBe(before)
  })

  it('a survey that closes part-way through takes no more answers', async () => {
    const { surveyId } = await insertSurvey(heard.database.db, {
      organisationId: heard.organisation.id,
      template: 'what-i-need',
      slug: 'closing',
    })
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'closing')
    await respondent.begin()
    await respondent.get(respondent.questionPath('listened-to'))
    await heard.database.db.query(`UPDATE surveys SET status = 'closed' WHERE id = $1`, [surveyId])
    const refused = await respondent.post(respondent.questionPath('listened-to'), { answer: 'important' })
    expect(refused.status).toBe(410)
    const rows = await heard.database.db.query<{ answers: object }>(
      'SELECT answers FROM drafts WHERE survey_id = $1',
      [surveyId],
    )
    expect(rows[0]?.answers).toEqual({})
  })
})

describe('oversized requests', () => {
  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const respondent = await startedRespondent()
    const before = await draftAnswers()
    const response = await respondent.post(respondent.questionPath('listened-to'), {
      answer: 'x'.repeat(40_000),
    })
    expect(response.status).toBe(413)
    expect(response.text).toContain('Your answer is too long')
    expect(await draftAnswers()).toEqual(before)
  })
})
