import request from 'supertest'
import { paths } from '../../server/paths'
import { helpRequestLimits } from '../../server/safeguarding/help/helpRequest'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import type { Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let now = new Date('2026-03-02T10:00:00Z')
let helpPath = ''

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db, {}, { clock: () => now })
  const organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  helpPath = paths.respond.talkToSomeone(organisation.slug, 'what-i-need')
})
afterAll(() => database.drop())

async function askForHelp(agent: Agent, message = 'Please help') {
  const page = await agent.get(helpPath)
  const formKey = /name="formKey" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
  return agent
    .post(helpPath)
    .type('form')
    .send({ _csrf: csrfTokenIn(page.text), formKey, contactMethod: 'none', message })
}

const alertCount = async () =>
  (
    await database.db.query<{ count: number }>('SELECT count(*)::integer AS count FROM safeguarding_alerts')
  )[0]?.count

describe('the hourly limits on help requests', () => {
  it('let one browser send a few; past that the form says to wait or call Childline, keeping the words', async () => {
    const agent = request.agent(testApp.app)
    for (let sent = 0; sent < helpRequestLimits.perBrowser; sent += 1)
      expect((await askForHelp(agent)).status).toBe(303)
    const refused = await askForHelp(agent, 'One more message')
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('You have sent a lot of messages. We have them.')
    expect(refused.text).toContain('href="#message"')
    expect(refused.text).toContain('>One more message</textarea>')
    expect(await alertCount()).toBe(helpRequestLimits.perBrowser)

    now = new Date(now.getTime() + helpRequestLimits.windowMinutes * 60_000 + 1000)
    expect((await askForHelp(agent)).status).toBe(303)
    expect(await alertCount()).toBe(helpRequestLimits.perBrowser + 1)
  })

  it('let a class behind one address send a class’s worth, then stop a flood from that address', async () => {
    now = new Date(now.getTime() + 2 * helpRequestLimits.windowMinutes * 60_000)
    await database.db.exec('DELETE FROM help_requests; DELETE FROM safeguarding_alerts')
    for (let pupil = 0; pupil < helpRequestLimits.perAddress; pupil += 1)
      expect((await askForHelp(request.agent(testApp.app))).status).toBe(303)
    expect((await askForHelp(request.agent(testApp.app))).status).toBe(429)
    expect(await alertCount()).toBe(helpRequestLimits.perAddress)
  })
})
