import { randomUUID } from 'node:crypto'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent } from '../helpers/officers'
import { statementsRated } from '../fixtures/whatINeedAnswers'
import { childsWords, freeTextAlert, helpRequest, raise, useAlertsApp } from './alertsFixtures'

const heard = useAlertsApp(['admin', 'safeguarding', 'viewer', 'analyst'], ['what-i-need'])
/** "What I need", open in the organisation. */
const surveyId = () => heard.surveyIds['what-i-need'] ?? null

const raiseHere = (alert: Parameters<typeof raise>[2]) =>
  raise(heard.database.db, heard.testApp.jobQueue, alert)

const count = async (sql: string, params: unknown[]) =>
  (await heard.database.db.query<{ count: number }>(sql, params))[0]?.count ?? 0
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
    await heard.database.db.query<{ status: string }>(
      'SELECT status FROM safeguarding_alerts WHERE handle = $1',
      [handle],
    )
  )[0]?.status

describe('who sees alerts', () => {
  it('admins and safeguarding officers; viewers and analysts get 404 on every alert route', async () => {
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    for (const agent of [heard.agents.admin, heard.agents.safeguarding]) {
      expect((await agent.get('/manage/alerts')).status).toBe(200)
      expect((await agent.get(`/manage/alerts/${handle}`)).status).toBe(200)
      const home = await agent.get('/manage')
      expect(home.text).toContain('href="/manage/alerts"')
      expect(home.text).toMatch(/There (is|are) \d+ open safeguarding alerts?\./)
    }
    for (const agent of [heard.agents.viewer, heard.agents.analyst]) {
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
    const elsewhere = await insertOrganisation(heard.database.db)
    const theirs = await raiseHere(helpRequest(elsewhere.id))
    const response = await heard.agents.admin.get(`/manage/alerts/${theirs}`)
    const missing = await heard.agents.admin.get('/manage/alerts/abcdefabcdefabcd')
    expect(response.status).toBe(404)
    expect(response.text.replaceAll(theirs, '…')).toBe(missing.text.replaceAll('abcdefabcdefabcd', '…'))
    expect((await heard.agents.admin.get('/manage/alerts')).text).not.toContain(theirs)
    expect(
      (await postForm(heard.agents.admin, '/manage', `/manage/alerts/${theirs}/acknowledge`)).status,
    ).toBe(404)
    expect(await statusOf(theirs)).toBe('open')
  })

  it('refuses a change posted without the form’s token', async () => {
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    expect(
      (await heard.agents.admin.post(`/manage/alerts/${handle}/acknowledge`).type('form').send({})).status,
    ).toBe(403)
    expect(await statusOf(handle)).toBe('open')
  })
})

describe('the alert list', () => {
  it('shows open alerts first, then acknowledged, then closed', async () => {
    const organisation = await insertOrganisation(heard.database.db)
    const agent = signedInAgent(
      heard.testApp.app,
      heard.database.db,
      await addOfficer(heard.database.db, organisation.id, 'admin'),
    )
    const theirSurvey = await insertSurvey(heard.database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const closed = await raise(
      heard.database.db,
      heard.testApp.jobQueue,
      freeTextAlert(organisation.id, { surveyId: theirSurvey.surveyId }),
    )
    const acknowledged = await raise(heard.database.db, heard.testApp.jobQueue, helpRequest(organisation.id))
    const open = await raise(heard.database.db, heard.testApp.jobQueue, freeTextAlert(organisation.id))
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
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    const page = await heard.agents.safeguarding.get(`/manage/alerts/${handle}`)
    expect(page.status).toBe(200)
    for (const word of [childsWords.name, childsWords.phone, childsWords.school, childsWords.message])
      expect(page.text).toContain(word)
    expect(page.text).toContain('They did not say their answers may be looked at')
    expect(page.text).not.toContain('Their survey answers</h2>')
    expect(await audits('alert-viewed', handle)).toBe(1)
  })

  it('shows the answers of the draft, or of the response it became, when the young person allowed it', async () => {
    const draftId = randomUUID()
    await heard.database.db.query(
      `INSERT INTO drafts (organisation_id, id, survey_id, version, language, answers, expires_at)
       VALUES ($1, $2, $3, 1, 'en', $4, now() + interval '1 day')`,
      [heard.organisation.id, draftId, surveyId(), JSON.stringify(statementsRated('very-important'))],
    )
    const alert = helpRequest(heard.organisation.id, { surveyId: surveyId(), draftId })
    if (alert.helpRequest) alert.helpRequest.answersMayBeSeen = true
    const handle = await raiseHere(alert)
    const page = await heard.agents.admin.get(`/manage/alerts/${handle}`)
    expect(page.text).toContain('Their survey answers</h2>')
    expect(page.text).toContain('They have not sent their answers')
    expect(page.text).toContain('I need to be safe and feel safe.')
    expect(page.text).toContain('Very important')

    await heard.database.db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
       VALUES ($1, gen_random_uuid(), $2, 1, 'en', 'REF12345', $3, $4)`,
      [heard.organisation.id, surveyId(), draftId, JSON.stringify(statementsRated('not-important'))],
    )
    await heard.database.db.query('DELETE FROM drafts WHERE id = $1', [draftId])
    const sent = await heard.agents.admin.get(`/manage/alerts/${handle}`)
    expect(sent.text).toContain('These are the answers they sent.')
    expect(sent.text).toContain('Not important')
  })

  it('shows what was written, in which answer, and the words that raised it', async () => {
    const handle = await raiseHere(
      freeTextAlert(heard.organisation.id, {
        surveyId: surveyId(),
        reasons: [
          { questionId: 'life-better', text: childsWords.freeText, phrases: ['not safe', 'hurt myself'] },
        ],
      }),
    )
    const page = await heard.agents.admin.get(`/manage/alerts/${handle}`)
    expect(page.text).toContain('What would make your life better?')
    expect(page.text).toContain(childsWords.freeText)
    expect(page.text).toContain('Words found: not safe, hurt myself')
  })
})

describe('acting on an alert', () => {
  it('acknowledges once, audited by the alert’s handle', async () => {
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    const done = await postForm(
      heard.agents.safeguarding,
      `/manage/alerts/${handle}`,
      `/manage/alerts/${handle}/acknowledge`,
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(`/manage/alerts/${handle}`)
    await postForm(heard.agents.admin, `/manage/alerts/${handle}`, `/manage/alerts/${handle}/acknowledge`)
    expect(await statusOf(handle)).toBe('acknowledged')
    expect(await audits('alert-acknowledged', handle)).toBe(1)
    expect((await heard.agents.safeguarding.get(`/manage/alerts/${handle}`)).text).toContain(
      'Acknowledged by safeguarding-',
    )
  })

  it('records what was done; bad notes get 400 with the text kept and nothing written', async () => {
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    const path = `/manage/alerts/${handle}`
    const empty = await postForm(heard.agents.admin, path, `${path}/notes`, { note: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('There is a problem')
    expect(empty.text).toContain('Enter what was done')
    expect(empty.text).toContain('<title>Error:')

    const long = 'Rang the family. '.repeat(300)
    const tooLong = await postForm(heard.agents.admin, path, `${path}/notes`, { note: long })
    expect(tooLong.status).toBe(400)
    expect(tooLong.text).toContain('The note must be 5,000 characters or fewer')
    expect(tooLong.text).toContain(long.trim().slice(0, 200))

    const withNul = await postForm(heard.agents.admin, path, `${path}/notes`, {
      note: 'Rang school\u0000 at 3pm',
    })
    expect(withNul.status).toBe(400)
    expect(await notes(handle)).toBe(0)
    expect(await audits('alert-note-added', handle)).toBe(0)

    const saved = await postForm(heard.agents.admin, path, `${path}/notes`, {
      note: 'Rang the school DSL at 3pm.\nThey will call home.',
    })
    expect(saved.status).toBe(303)
    expect(await notes(handle)).toBe(1)
    expect(await audits('alert-note-added', handle)).toBe(1)
    const page = await heard.agents.admin.get(path)
    expect(page.text).toContain('Rang the school DSL at 3pm.')
    expect(page.text).toContain('They will call home.')
  })

  it('closes only with a closing note; closing keeps the note and is audited', async () => {
    const handle = await raiseHere(helpRequest(heard.organisation.id))
    const path = `/manage/alerts/${handle}`
    const refused = await postForm(heard.agents.safeguarding, path, `${path}/close`, { closingNote: '' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter a closing note')
    expect(await statusOf(handle)).toBe('open')
    expect(await audits('alert-closed', handle)).toBe(0)

    const closed = await postForm(heard.agents.safeguarding, path, `${path}/close`, {
      closingNote: 'Passed to the front door.',
    })
    expect(closed.status).toBe(303)
    expect(await statusOf(handle)).toBe('closed')
    expect(await notes(handle)).toBe(1)
    expect(await audits('alert-closed', handle)).toBe(1)
    const page = await heard.agents.safeguarding.get(path)
    expect(page.text).toContain('Closed by safeguarding-')
    expect(page.text).not.toContain(`${path}/close`)
  })

  it('keeps the young person’s words out of the audit log', async () => {
    const rows = await heard.database.db.query<{ subject: string | null; details: unknown }>(
      `SELECT subject, details FROM audit_events WHERE organisation_id = $1 AND action LIKE 'alert-%'`,
      [heard.organisation.id],
    )
    expect(rows.length).toBeGreaterThan(5)
    const logged = JSON.stringify(rows)
    for (const word of [...Object.values(childsWords), 'Rang the school', 'front door'])
      expect(logged).not.toContain(word)
  })
})
