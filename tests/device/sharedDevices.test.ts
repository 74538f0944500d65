import { CookieAccessInfo } from 'cookiejar'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { FakeClock } from '../responseLimits/limitsHelpers'
import { allWhatINeedAnswers, cookieNamed } from './deviceHelpers'

let database: TestDatabase
let testApp: TestApp
const time = new FakeClock()
let organisation = { id: '', slug: '' }
let analyst: Agent
let code = ''
const survey = 'what-i-need'
const sessionsPage = paths.manage.groupSessions(survey)

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db, {}, { clock: time.clock })
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: organisation.id, template: survey })
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'analyst',
    email: 'analyst@council.example',
  })
})
afterAll(() => database.drop())

const sessions = () =>
  database.db.query<{ code: string; shared_devices: boolean; idle_minutes: number }>(
    'SELECT code, shared_devices, idle_minutes FROM group_sessions ORDER BY created_at',
  )

/** A browser that opened the session's shared-device link, as the officer sets each device up. */
async function sharedDevice() {
  const device = new Respondent(testApp.app, organisation.slug, survey)
  const entered = await device.get(paths.respond.sharedStart(organisation.slug, survey, code))
  expect(entered.status).toBe(303)
  expect(entered.headers.location).toBe(paths.respond.groupStart(organisation.slug, survey, code))
  return device
}

const draftsOf = (id: string | undefined) =>
  database.db.query<{ id: string }>('SELECT id FROM drafts WHERE id = $1', [id])

/** The draft id this device holds, read from the cookie jar. */
const draftIdOf = (device: Respondent) =>
  device.agent.jar.getCookie('heard.draft', new CookieAccessInfo('127.0.0.1', device.startPath, false, false))
    ?.value

describe('opening a session on shared devices', () => {
  it('refuses idle minutes out of range with 400, keeps what was typed, and opens nothing', async () => {
    for (const idleMinutes of ['0', '31', 'ten', '']) {
      const refused = await postForm(analyst, sessionsPage, sessionsPage, {
        label: 'Youth fair',
        hours: '3',
        sharedDevices: 'yes',
        idleMinutes,
      })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('Enter a number of minutes from 1 to 30')
      expect(refused.text).toContain('value="Youth fair"')
      expect(refused.text).toMatch(/value="yes" checked/)
    }
    expect(await sessions()).toEqual([])
  })

  it('opens one with its idle minutes, shows its link and QR code, and audits it', async () => {
    const opened = await postForm(analyst, sessionsPage, sessionsPage, {
      label: 'Youth fair',
      hours: '3',
      sharedDevices: 'yes',
      idleMinutes: '2',
    })
    expect(opened.status).toBe(303)
    const [session] = await sessions()
    expect(session).toMatchObject({ shared_devices: true, idle_minutes: 2 })
    code = session?.code ?? ''
    const page = await analyst.get(sessionsPage)
    expect(page.text).toContain(
      `${testApp.config.baseUrl}${paths.respond.sharedStart(organisation.slug, survey, code)}`,
    )
    expect(page.text).toContain('An unused device starts again after 2 minutes.')
    expect(page.text).toContain(`<title id="qr-code-`)
    const [audit] = await database.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_events WHERE action = 'group-session-opened'",
    )
    expect(audit?.details).toMatchObject({ code, sharedDevices: true, idleMinutes: 2 })
  })
})

describe('a shared device', () => {
  it('says it is shared, never offers carry on later, and keeps the draft cookie only for the browser session', async () => {
    const device = await sharedDevice()
    const start = await device.get(paths.respond.groupStart(organisation.slug, survey, code))
    expect(start.text).toContain('This is a shared device.')
    expect(start.text).toContain('If nobody uses it for 2 minutes')
    expect(start.text).not.toContain('You can also ask us to email you a link.')
    const begun = await device.post(paths.respond.begin(organisation.slug, survey), { group: code })
    const cookie = cookieNamed(begun.headers['set-cookie'], 'heard.draft') ?? ''
    expect(cookie).not.toContain('Max-Age')
    expect(cookie).not.toContain('Expires')
    const question = await device.get(device.questionPath('listened-to'))
    expect(question.text).not.toContain('email-me-a-link')
    expect(question.text).toContain(`href="${paths.respond.startAgain(organisation.slug, survey)}"`)
    expect((await device.get(paths.respond.emailLink(organisation.slug, survey))).status).toBe(404)
  })

  it('after each response shows "Finished – next person", which leaves no cookie that leads to anyone’s answers', async () => {
    const device = await sharedDevice()
    await device.get(paths.respond.groupStart(organisation.slug, survey, code))
    await device.post(paths.respond.begin(organisation.slug, survey), { group: code })
    await device.answerAll(allWhatINeedAnswers)
    expect((await device.send()).status).toBe(303)
    const thanks = await device.confirmation()
    const nextPerson = paths.respond.nextPerson(organisation.slug, survey)
    expect(thanks.text).toContain(`href="${nextPerson}"`)
    expect(thanks.text).toContain('Finished – next person')
    const next = await device.get(nextPerson)
    expect(next.status).toBe(200)
    expect(next.text).toContain('Ready for the next person')
    expect(next.text).toContain(`href="${paths.respond.groupStart(organisation.slug, survey, code)}"`)
    expect(String(next.headers['set-cookie'])).toMatch(/heard\.sent=;/)
    expect(draftIdOf(device)).toBeUndefined()
    const fresh = await device.get(paths.respond.groupStart(organisation.slug, survey, code))
    expect(fresh.text).toContain('Start now')
    const [response] = await database.db.query<{ collection_method: string }>(
      'SELECT collection_method FROM responses',
    )
    expect(response?.collection_method).toBe('group-session')
  })

  it('when left alone goes (without JavaScript) to a warning, then to a reset that deletes the draft', async () => {
    const device = await sharedDevice()
    await device.get(paths.respond.groupStart(organisation.slug, survey, code))
    await device.post(paths.respond.begin(organisation.slug, survey), { group: code })
    await device.answer('listened-to', 'important')
    const draftId = draftIdOf(device)
    expect(await draftsOf(draftId)).toHaveLength(1)

    const question = await device.get(device.questionPath('healthiest'))
    const stillThere = `${paths.respond.stillThere(organisation.slug, survey)}?return=${encodeURIComponent(device.questionPath('healthiest'))}`
    expect(question.text).toContain(
      `<noscript><meta http-equiv="refresh" content="120;url=${stillThere.replaceAll('&', '&amp;')}"></noscript>`,
    )
    expect(question.text).toContain('<script src="/js/idleReset.js" defer data-seconds="120"')

    const warning = await device.get(stillThere)
    expect(warning.status).toBe(200)
    expect(warning.text).toContain('Are you still there?')
    const reset = paths.respond.idleReset(organisation.slug, survey)
    expect(warning.text).toContain(`<meta http-equiv="refresh" content="60;url=${reset}">`)
    expect(warning.text).toContain(`href="${device.questionPath('healthiest')}"`)

    // Too soon (the clock says the last answer was just now): nothing is deleted.
    const early = await device.get(reset)
    expect(early.status).toBe(303)
    expect(await draftsOf(draftId)).toHaveLength(1)

    time.advance(2 * 60 + 60)
    const done = await device.get(reset)
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(paths.respond.groupStart(organisation.slug, survey, code))
    expect(await draftsOf(draftId)).toEqual([])
    expect(draftIdOf(device)).toBeUndefined()
    const start = await device.get(done.headers.location ?? '')
    expect(start.text).toContain('Start now')
  })

  it('a warning page reached elsewhere than a shared device only goes back, and a reset deletes nothing', async () => {
    const browser = new Respondent(testApp.app, organisation.slug, survey)
    await browser.begin()
    await browser.answer('listened-to', 'important')
    const draftId = draftIdOf(browser)
    time.advance(3600)
    const warning = await browser.get(
      `${paths.respond.stillThere(organisation.slug, survey)}?return=https://elsewhere.example/`,
    )
    expect(warning.status).toBe(303)
    expect(warning.headers.location).toBe(browser.startPath)
    await browser.get(paths.respond.idleReset(organisation.slug, survey))
    expect(await draftsOf(draftId)).toHaveLength(1)
  })

  it('goes back to being an ordinary browser once the session has ended', async () => {
    const device = await sharedDevice()
    await postForm(analyst, sessionsPage, paths.manage.groupSessionEnd(survey, code))
    const start = await device.get(device.startPath)
    expect(start.text).not.toContain('This is a shared device.')
    expect(start.text).toContain('You can also ask us to email you a link.')
  })
})
