import { randomUUID } from 'node:crypto'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { statementsRated } from '../fixtures/whatINeedAnswers'
import { childsWords, freeTextAlert, helpRequest, raise } from './alertsFixtures'

let database: TestDatabase
let testApp: TestApp
let organisationId: string
let surveyId: string
let admin: Agent
let safeguarding: Agent
let viewer: Agent
let analyst: Agent
beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisationId = (await insertOrganisation(database.db)).id
  surveyId = (await insertSurvey(database.db, { organisationId, template: 'what-i-need' })).surveyId
  const as = async (role: 'admin' | 'safeguarding' | 'viewer' | 'analyst') =>
    signedInAgent(testApp.app, database.db, await addOfficer(database.db, organisationId, role))
  admin = await as('admin')
  safeguarding = await as('safeguarding')
  viewer = await as('viewer')
  analyst = await as('analyst')
})
afterAll(() => database.drop())

const raiseHere = (alert: Parameters<typeof raise>[2]) => raise(database.db, testApp.jobQueue, alert)

const count = async (sql: string, params: unknown[]) =>
  (await database.db.query<{ count: number }>(sql, params))[0]?.count ?? 0
const notes = (handle: string) =>
  count(
    `SELECT count(*)::integer AS count FROM safeguarding_alert_notes n
       JOIN safeguarding_alerts a ON a.organisation_id = n.organisation_id AND a.id = n.alert_id
      WHERE a.handle = $1`,
    [handle],
  )
const audits = (action: string, handle: string) =>
  count(`SELECT count(*)::integer AS count FROM audit_events WHERE action = $1 AND subject = $2`, [
    action,
    handle,
  ])
const statusOf = async (handle: string) =>
  (
    await database.db.query<{ status: string }>('SELECT status FROM safeguarding_alerts WHERE handle = $1', [
      handle,
    ])
  )[0]?.status

describe('who sees alerts', () => {
  it('admins and safeguarding officers; viewers and analysts get 404 on every alert route', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    for (const agent of [admin, safeguarding]) {
      expect((await agent.get('/manage/alerts')).status).toBe(200)
      expect((await agent.get(`/manage/alerts/${handle}`)).status).toBe(200)
      const home = await agent.get('/manage')
      expect(home.text).toContain('href="/manage/alerts"')
      expect(home.text).toMatch(/There (is|are) \d+ open safeguarding alerts?\./)
    }
    for (const agent of [viewer, analyst]) {
      expect((await agent.get('/manage/alerts')).status).toBe(404)
      expect((await agent.get(`/manage/alerts/${handle}`)).status).toBe(404)
      for (const action of ['acknowledge', 'notes', 'close'])
        expect(
          (
            await postForm(agent, '/manage', `/manage/alerts/${handle}/${action}`, {
              note: 'x',
              closingNote: 'x',
            })
          ).status,
        ).toBe(404)
      const home = await agent.get('/manage')
      expect(home.text).not.toContain('/manage/alerts')
      expect(home.text).not.toContain('safeguarding alert')
    }
    expect(await statusOf(handle)).toBe('open')
    expect(await notes(handle)).toBe(0)
  })

  it('an alert of another organisation is the same 404 as one that does not exist', async () => {
    const elsewhere = await insertOrganisation(database.db)
    const theirs = await raiseHere(helpRequest(elsewhere.id))
    const response = await admin.get(`/manage/alerts/${theirs}`)
    const missing = await admin.get('/manage/alerts/abcdefabcdefabcd')
    expect(response.status).toBe(404)
    expect(response.text.replaceAll(theirs, '…')).toBe(missing.text.replaceAll('abcdefabcdefabcd', '…'))
    expect((await admin.get('/manage/alerts')).text).not.toContain(theirs)
    expect((await postForm(admin, '/manage', `/manage/alerts/${theirs}/acknowledge`)).status).toBe(404)
    expect(await statusOf(theirs)).toBe('open')
  })

  it('refuses a change posted without the form’s token', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    expect((await admin.post(`/manage/alerts/${handle}/acknowledge`).type('form').send({})).status).toBe(403)
    expect(await statusOf(handle)).toBe('open')
  })
})

describe('the alert list', () => {
  it('shows open alerts first, then acknowledged, then closed', async () => {
    const organisation = await insertOrganisation(database.db)
    const agent = signedInAgent(
      testApp.app,
      database.db,
      await addOfficer(database.db, organisation.id, 'admin'),
    )
    const theirSurvey = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const closed = await raise(
      database.db,
      testApp.jobQueue,
      freeTextAlert(organisation.id, { surveyId: theirSurvey.surveyId }),
    )
    const acknowledged = await raise(database.db, testApp.jobQueue, helpRequest(organisation.id))
    const open = await raise(database.db, testApp.jobQueue, freeTextAlert(organisation.id))
    const officer = await agent
    await postForm(officer, `/manage/alerts/${closed}`, `/manage/alerts/${closed}/close`, {
      closingNote: 'Done.',
    })
    await postForm(officer, `/manage/alerts/${acknowledged}`, `/manage/alerts/${acknowledged}/acknowledge`)
    const list = await officer.get('/manage/alerts')
    const order = [open, acknowledged, closed].map((handle) => list.text.indexOf(`/manage/alerts/${handle}`))
    expect(order.every((position) => position > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(list.text).toContain('What I need')
    expect(list.text).toContain('Worrying words in an answer')
    // The list names no child's words.
    for (const word of Object.values(childsWords)) expect(list.text).not.toContain(word)
  })
})

describe('an alert page', () => {
  it('shows a help request, its contact details, and no answers unless they were allowed', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    const page = await safeguarding.get(`/manage/alerts/${handle}`)
    expect(page.status).toBe(200)
    for (const word of [childsWords.name, childsWords.phone, childsWords.school, childsWords.message])
      expect(page.text).toContain(word)
    expect(page.text).toContain('They did not say their answers may be looked at')
    expect(page.text).not.toContain('Their survey answers</h2>')
    expect(await audits('alert-viewed', handle)).toBe(1)
  })

  it('shows the answers of the draft, or of the response it became, when the young person allowed it', async () => {
    const draftId = randomUUID()
    await database.db.query(
      `INSERT INTO drafts (organisation_id, id, survey_id, version, language, answers, expires_at)
       VALUES ($1, $2, $3, 1, 'en', $4, now() + interval '1 day')`,
      [organisationId, draftId, surveyId, JSON.stringify(statementsRated('very-important'))],
    )
    const alert = helpRequest(organisationId, { surveyId, draftId })
    if (alert.helpRequest) alert.helpRequest.answersMayBeSeen = true
    const handle = await raiseHere(alert)
    const page = await admin.get(`/manage/alerts/${handle}`)
    expect(page.text).toContain('Their survey answers</h2>')
    expect(page.text).toContain('They have not sent their answers')
    expect(page.text).toContain('I need to be safe and feel safe.')
    expect(page.text).toContain('Very important')

    await database.db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
       VALUES ($1, gen_random_uuid(), $2, 1, 'en', 'REF12345', $3, $4)`,
      [organisationId, surveyId, draftId, JSON.stringify(statementsRated('not-important'))],
    )
    await database.db.query('DELETE FROM drafts WHERE id = $1', [draftId])
    const sent = await admin.get(`/manage/alerts/${handle}`)
    expect(sent.text).toContain('These are the answers they sent.')
    expect(sent.text).toContain('Not important')
  })

  it('shows what was written, in which answer, and the words that raised it', async () => {
    const handle = await raiseHere(
      freeTextAlert(organisationId, {
        surveyId,
        reasons: [
          { questionId: 'life-better', text: childsWords.freeText, phrases: ['not safe', 'hurt myself'] },
        ],
      }),
    )
    const page = await admin.get(`/manage/alerts/${handle}`)
    expect(page.text).toContain('What would make your life better?')
    expect(page.text).toContain(childsWords.freeText)
    expect(page.text).toContain('Words found: not safe, hurt myself')
  })
})

describe('acting on an alert', () => {
  it('acknowledges once, audited by the alert’s handle', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    const done = await postForm(
      safeguarding,
      `/manage/alerts/${handle}`,
      `/manage/alerts/${handle}/acknowledge`,
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(`/manage/alerts/${handle}`)
    await postForm(admin, `/manage/alerts/${handle}`, `/manage/alerts/${handle}/acknowledge`)
    expect(await statusOf(handle)).toBe('acknowledged')
    expect(await audits('alert-acknowledged', handle)).toBe(1)
    expect((await safeguarding.get(`/manage/alerts/${handle}`)).text).toContain(
      'Acknowledged by safeguarding-',
    )
  })

  it('records what was done; bad notes get 400 with the text kept and nothing written', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    const path = `/manage/alerts/${handle}`
    const empty = await postForm(admin, path, `${path}/notes`, { note: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('There is a problem')
    expect(empty.text).toContain('Enter what was done')
    expect(empty.text).toContain('<title>Error:')

    const long = 'Rang the family. '.repeat(300)
    const tooLong = await postForm(admin, path, `${path}/notes`, { note: long })
    expect(tooLong.status).toBe(400)
    expect(tooLong.text).toContain('The note must be 5,000 characters or fewer')
    expect(tooLong.text).toContain(long.trim().slice(0, 200))

    const withNul = await postForm(admin, path, `${path}/notes`, { note: 'Rang school\u0000 at 3pm' })
    expect(withNul.status).toBe(400)
    expect(await notes(handle)).toBe(0)
    expect(await audits('alert-note-added', handle)).toBe(0)

    const saved = await postForm(admin, path, `${path}/notes`, {
      note: 'Rang the school DSL at 3pm.\nThey will call home.',
    })
    expect(saved.status).toBe(303)
    expect(await notes(handle)).toBe(1)
    expect(await audits('alert-note-added', handle)).toBe(1)
    const page = await admin.get(path)
    expect(page.text).toContain('Rang the school DSL at 3pm.')
    expect(page.text).toContain('They will call home.')
  })

  it('closes only with a closing note; closing keeps the note and is audited', async () => {
    const handle = await raiseHere(helpRequest(organisationId))
    const path = `/manage/alerts/${handle}`
    const refused = await postForm(safeguarding, path, `${path}/close`, { closingNote: '' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter a closing note')
    expect(await statusOf(handle)).toBe('open')
    expect(await audits('alert-closed', handle)).toBe(0)

    const closed = await postForm(safeguarding, path, `${path}/close`, {
      closingNote: 'Passed to the front door.',
    })
    expect(closed.status).toBe(303)
    expect(await statusOf(handle)).toBe('closed')
    expect(await notes(handle)).toBe(1)
    expect(await audits('alert-closed', handle)).toBe(1)
    const page = await safeguarding.get(path)
    expect(page.text).toContain('Closed by safeguarding-')
    expect(page.text).not.toContain(`${path}/close`)
  })

  it('keeps the young person’s words out of the audit log', async () => {
    const rows = await database.db.query<{ subject: string | null; details: unknown }>(
      `SELECT subject, details FROM audit_events WHERE organisation_id = $1 AND action LIKE 'alert-%'`,
      [organisationId],
    )
    expect(rows.length).toBeGreaterThan(5)
    const logged = JSON.stringify(rows)
    for (const word of [...Object.values(childsWords), 'Rang the school', 'front door'])
      expect(logged).not.toContain(word)
  })
})
