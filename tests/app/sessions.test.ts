import request from 'supertest'
import { loadConfig } from '../../server/config'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { countRows } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, type Agent } from '../helpers/officers'
import { csrfTokenIn, Respondent } from '../helpers/respondent'
import { ehcpAnswers } from '../helpers/ehcpAnswers'
import { useSurveyApp } from '../helpers/surveyApp'
import { buildTestApp } from '../helpers/testApp'

const heard = useSurveyApp(['ehcp-experience'])

const answers = ehcpAnswers({ improve: 'Shorter forms' })

const setCookies = (response: { headers: Record<string, unknown> }) =>
  (response.headers['set-cookie'] as string[] | undefined) ?? []

const sessionIdIn = (response: { headers: Record<string, unknown> }, name = 'heard.sid') =>
  setCookies(response)
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0]

const newOfficer = () => addOfficer(heard.database.db, heard.organisation.id, 'admin')

async function signIn(agent: Agent, officer: { organisationId: string; id: string }) {
  const token = await createSignInLink(heard.database.db, officer)
  const page = await agent.get(paths.signIn.link(token))
  return agent
    .post(paths.signIn.linkAction)
    .type('form')
    .send({ token, _csrf: csrfTokenIn(page.text) })
}

describe('respondents', () => {
  it('answer a whole survey, in Welsh, without a session row being written', async () => {
    const before = await countRows(heard.database.db, 'sessions')
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    const begun = await respondent.begin('cy')
    expect(begun.status).toBe(303)
    await respondent.answerAll(answers)
    const check = await respondent.get(`/s/${heard.organisation.slug}/ehcp-experience/check-answers`)
    expect(check.text).toContain('lang="cy"')
    expect((await respondent.send()).status).toBe(303)
    expect((await respondent.confirmation()).status).toBe(200)
    expect(await countRows(heard.database.db, 'sessions')).toBe(before)
  })

  it('are refused (403) a post without a token, with a wrong one, or with another browser’s', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    const begin = `/s/${heard.organisation.slug}/ehcp-experience/start`
    await respondent.get(respondent.startPath)
    expect((await respondent.agent.post(begin).type('form').send({})).status).toBe(403)
    expect((await respondent.agent.post(begin).type('form').send({ _csrf: 'wrong' })).status).toBe(403)
    const other = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    const otherPage = await other.get(other.startPath)
    const otherToken = csrfTokenIn(otherPage.text)
    expect((await respondent.agent.post(begin).type('form').send({ _csrf: otherToken })).status).toBe(403)
    // Without the cookie the token belongs to, the token alone is worth nothing.
    expect(
      (await request(heard.testApp.app).post(begin).type('form').send({ _csrf: otherToken })).status,
    ).toBe(403)
    expect((await respondent.begin()).status).toBe(303)
  })
})

describe('officers', () => {
  it('are refused (403) a post without their session’s token, or with a cookie-signed one', async () => {
    const officer = await newOfficer()
    const agent = await signedInAgent(heard.testApp.app, heard.database.db, officer)
    const action = paths.manage.newSurvey
    expect((await agent.post(action).type('form').send({})).status).toBe(403)
    expect((await agent.post(action).type('form').send({ _csrf: 'wrong' })).status).toBe(403)
    const visitor = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    const visitorToken = csrfTokenIn((await visitor.get(visitor.startPath)).text)
    expect((await agent.post(action).type('form').send({ _csrf: visitorToken })).status).toBe(403)
    const page = await agent.get(action)
    expect(page.status).toBe(200)
  })

  it('get a new session id at sign-in, and the one from before is worth nothing', async () => {
    const agent = request.agent(heard.testApp.app)
    const first = sessionIdIn(await signIn(agent, await newOfficer()))
    expect(first).toBeDefined()
    const second = sessionIdIn(await signIn(agent, await newOfficer()))
    expect(second).toBeDefined()
    expect(second).not.toBe(first)
    const withOld = await request(heard.testApp.app)
      .get(paths.manage.surveys)
      .set('Cookie', first ?? '')
    expect(withOld.status).toBe(303)
    expect(withOld.headers.location).toBe(paths.signIn.request)
  })

  it('sign in again after the absolute lifetime, however active they have been', async () => {
    const shortLived = await buildTestApp(heard.database.db, {
      ...heard.testApp.config,
      officerSessionHours: 2,
    })
    const agent = await signedInAgent(shortLived.app, heard.database.db, await newOfficer())
    expect((await agent.get(paths.manage.surveys)).status).toBe(200)
    // Signed in three hours ago, and active a moment ago: the idle time-out has not been reached.
    const threeHoursAgo = Date.now() - 3 * 3_600_000
    await heard.database.db.query(
      `UPDATE sessions SET data = jsonb_set(jsonb_set(data, '{officer,startedAt}', to_jsonb($1::bigint)),
                                            '{officer,lastSeen}', to_jsonb($2::bigint))
        WHERE data ? 'officer'`,
      [threeHoursAgo, Date.now()],
    )
    const after = await agent.get(paths.manage.surveys)
    expect(after.status).toBe(303)
    expect(after.headers.location).toBe(`${paths.signIn.request}?expired=1`)
  })

  it('sign out: the session row goes and the browser is told to forget the cookie', async () => {
    const agent = await signedInAgent(heard.testApp.app, heard.database.db, await newOfficer())
    const before = await countRows(heard.database.db, 'sessions')
    const out = await postForm(agent, paths.manage.surveys, paths.signIn.signOut)
    expect(out.status).toBe(303)
    expect(setCookies(out).some((cookie) => /^heard\.sid=;.*Expires=Thu, 01 Jan 1970/.test(cookie))).toBe(
      true,
    )
    expect(await countRows(heard.database.db, 'sessions')).toBe(before - 1)
    expect((await agent.get(paths.manage.surveys)).status).toBe(303)
  })
})

describe('behind a TLS proxy', () => {
  it('site-wide cookies take the __Host- prefix: Secure, Path=/ and no Domain', async () => {
    const behindTls = await buildTestApp(heard.database.db, {
      ...loadConfig({ NODE_ENV: 'test', RESPONSE_LIMITS: 'off' }),
      trustProxy: true,
      baseUrl: 'https://heard.example',
    })
    // Over plain http in the test a client keeps back Secure cookies, so they are sent by hand.
    const pairOf = (cookie: string) => cookie.split(';')[0] ?? ''
    const officer = await newOfficer()
    const token = await createSignInLink(heard.database.db, officer)
    const page = await request(behindTls.app)
      .get(`${paths.signIn.link(token)}?lang=cy`)
      .set('X-Forwarded-Proto', 'https')
    const pageCookies = setCookies(page)
    const signedIn = await request(behindTls.app)
      .post(paths.signIn.linkAction)
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', pageCookies.map(pairOf).join('; '))
      .type('form')
      .send({ token, _csrf: csrfTokenIn(page.text) })
    expect(signedIn.status).toBe(303)
    const cookies = [...pageCookies, ...setCookies(signedIn)]
    for (const name of ['__Host-heard.sid', '__Host-heard.csrf', '__Host-heard.lang']) {
      const cookie = cookies.find((text) => text.startsWith(`${name}=`))
      expect(cookie).toMatch(/; Path=\/(;|$)/)
      expect(cookie).toMatch(/; Secure/)
      expect(cookie).not.toMatch(/Domain=/i)
    }
    expect(cookies.some((text) => text.startsWith('heard.sid='))).toBe(false)
    const manage = await request(behindTls.app)
      .get(paths.manage.surveys)
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', cookies.map(pairOf).join('; '))
    expect(manage.status).toBe(200)
    expect(manage.text).toContain('lang="cy"')
  })
})
