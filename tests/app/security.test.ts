import request from 'supertest'
import { loadConfig } from '../../server/config'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { buildTestApp } from '../helpers/testApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need'])

describe('security headers', () => {
  it.each(['/', '/no-such-page', '/healthz', '/css/heard.css'])('are on %s', async (path) => {
    const response = await request(heard.testApp.app).get(path)
    const csp = response.headers['content-security-policy'] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
    expect(response.headers['x-powered-by']).toBeUndefined()
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('pages have no inline script or style attribute', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    const page = await respondent.get(respondent.questionPath('listened-to'))
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(page.text).not.toMatch(/\sstyle=/)
    expect(page.text).not.toMatch(/\son[a-z]+=/)
  })

  it('compresses responses for browsers that accept it', async () => {
    const response = await request(heard.testApp.app)
      .get(`/s/${heard.organisation.slug}/what-i-need`)
      .set('Accept-Encoding', 'gzip')
    expect(response.headers['content-encoding']).toBe('gzip')
  })
})

describe('cookies', () => {
  it('the form-token and draft cookies are HttpOnly and SameSite=Lax, and not Secure on plain http', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    const start = await respondent.agent.get(respondent.startPath)
    const session = (start.headers['set-cookie'] as unknown as string[]).find((cookie) =>
      cookie.startsWith('heard.csrf='),
    )
    expect(session).toMatch(/HttpOnly/)
    expect(session).toMatch(/SameSite=Lax/)
    expect(session).not.toMatch(/Secure/)
  })

  it('behind a TLS proxy both cookies are Secure and HSTS is sent', async () => {
    const behindTls = await buildTestApp(heard.database.db, {
      ...loadConfig({ NODE_ENV: 'test' }),
      trustProxy: true,
      baseUrl: 'https://heard.example',
    })
    const agent = request.agent(behindTls.app)
    const start = await agent
      .get(`/s/${heard.organisation.slug}/what-i-need`)
      .set('X-Forwarded-Proto', 'https')
    const token = /name="_csrf" value="([^"]+)"/.exec(start.text)?.[1] ?? ''
    const cookies = start.headers['set-cookie'] as unknown as string[]
    expect(cookies.find((cookie) => cookie.startsWith('__Host-heard.csrf='))).toMatch(/; Secure/)
    expect(start.headers['strict-transport-security']).toBeDefined()
    const sid = cookies.find((cookie) => cookie.startsWith('__Host-heard.csrf='))?.split(';')[0] ?? ''
    const begun = await request(behindTls.app)
      .post(`/s/${heard.organisation.slug}/what-i-need/start`)
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', sid)
      .type('form')
      .send({ _csrf: token })
    const draft = (begun.headers['set-cookie'] as unknown as string[]).find((cookie) =>
      cookie.startsWith('heard.draft='),
    )
    expect(draft).toMatch(/; Secure/)
    expect(draft).toMatch(/HttpOnly/)
    expect(draft).toMatch(/SameSite=Lax/)
  })
})

describe('privacy', () => {
  it('responses have no column for an IP address or user agent', async () => {
    const columns = await heard.database.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('responses', 'drafts')`,
    )
    const names = columns.map((column) => column.column_name)
    expect(names).toContain('answers')
    for (const name of names) expect(name).not.toMatch(/ip|agent|address|email/i)
  })

  it('logs carry no answers, free text, cookies or tokens', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    respondent.agent.set('User-Agent', 'Secret-Agent/1.0')
    await respondent.begin()
    await respondent.answerAll({
      ...statementsRated(),
      'listened-to': 'very-important',
      'life-better': 'My private words about home',
      'age-group': '8-11',
      helper: 'no',
    })
    await respondent.send()
    const logs = heard.testApp.logLines.join('\n')
    expect(logs).toContain('"msg":"response submitted"')
    expect(logs).not.toContain('My private words')
    expect(logs).not.toContain('very-important')
    expect(logs).not.toContain('Secret-Agent')
    expect(logs).not.toMatch(/heard\.(sid|draft|csrf)=/)
    expect(logs).not.toContain('_csrf')
    const [reference] = await heard.database.db.query<{ reference: string; draft_id: string }>(
      'SELECT reference, draft_id FROM responses',
    )
    expect(logs).not.toContain(reference?.reference)
    expect(logs).not.toContain(reference?.draft_id)
  })
})
