import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { countIn, FakeClock, limitsConfig } from './limitsHelpers'

let database: TestDatabase
let testApp: TestApp
const time = new FakeClock(new Date('2026-05-11T08:30:00Z'))
let organisation = { id: '', slug: '' }
let analyst: Agent
let viewer: Agent
const page = paths.manage.groupSessions('what-i-need')

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db, limitsConfig(), { clock: time.clock })
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'analyst',
    email: 'analyst@council.example',
  })
  viewer = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'viewer' })
})
afterAll(() => database.drop())

const sessions = () =>
  database.db.query<{ code: string; label: string | null; expires_at: Date; ended_early_by: string | null }>(
    'SELECT code, label, expires_at, ended_early_by FROM group_sessions ORDER BY created_at',
  )
const auditOf = (action: string) =>
  database.db.query<{ actor: string; subject: string; details: Record<string, unknown> }>(
    'SELECT actor, subject, details FROM audit_events WHERE action = $1',
    [action],
  )

describe('group sessions, for analysts', () => {
  it('are linked from the survey page for analysts, not viewers, who get 403 on the pages themselves', async () => {
    const surveyPage = paths.manage.survey('what-i-need')
    expect((await analyst.get(surveyPage)).text).toContain(`href="${page}"`)
    expect((await viewer.get(surveyPage)).text).not.toContain(`href="${page}"`)
    expect((await viewer.get(page)).status).toBe(403)
    const refusedBefore = (await auditOf('refused-by-role')).length
    const audited = await countIn(database.db, 'audit_events')
    const posted = await postForm(viewer, surveyPage, page, { label: 'Year 6', hours: '3' })
    expect(posted.status).toBe(403)
    // The refusal itself is the only thing written.
    expect(await countIn(database.db, 'audit_events')).toBe(audited + 1)
    expect((await auditOf('refused-by-role')).length).toBe(refusedBefore + 1)
    expect(await sessions()).toEqual([])
  })

  it('opens a session with a short code and a link, for the hours chosen, and audits it', async () => {
    const form = await analyst.get(page)
    expect(form.status).toBe(200)
    expect(form.text).toContain('There are no open group sessions for this survey.')
    expect(form.text).toMatch(/<option value="3" selected>3 hours<\/option>/)
    const opened = await postForm(analyst, page, page, { label: 'Year 6 at Oak Primary', hours: '2' })
    expect(opened.status).toBe(303)
    expect(opened.headers.location).toBe(page)
    const [session] = await sessions()
    expect(session?.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/)
    expect(session?.label).toBe('Year 6 at Oak Primary')
    expect(session?.expires_at).toEqual(new Date(time.clock().getTime() + 2 * 3_600_000))
    const listed = await analyst.get(page)
    expect(listed.text).toContain(session?.code)
    expect(listed.text).toContain('Year 6 at Oak Primary')
    expect(listed.text).toContain(
      `${testApp.config.baseUrl}/s/${organisation.slug}/what-i-need?group=${session?.code ?? ''}`,
    )
    expect(await auditOf('group-session-opened')).toEqual([
      {
        actor: 'analyst@council.example',
        subject: 'what-i-need',
        details: { code: session?.code, hours: 2, label: 'Year 6 at Oak Primary' },
      },
    ])
  })

  it('refuses a name too long or hours out of range with 400, keeps what was typed, and writes nothing', async () => {
    const before = { sessions: (await sessions()).length, audit: await countIn(database.db, 'audit_events') }
    const long =
      'Year 6 at a primary school with a very long name indeed, longer than anyone should type here <b>!'
    const tooLong = await postForm(analyst, page, page, { label: `${long}${long}`, hours: '3' })
    expect(tooLong.status).toBe(400)
    expect(tooLong.text).toContain('Error:')
    expect(tooLong.text).toContain('Name must be 100 characters or fewer')
    expect(tooLong.text).toContain(
      'Year 6 at a primary school with a very long name indeed, longer than anyone should type here &lt;b&gt;!',
    )
    for (const hours of ['13', '0', 'abc', '']) {
      const refused = await postForm(analyst, page, page, { label: 'Class 4', hours })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('Choose how long the session stays open, from 1 to 12 hours')
      expect(refused.text).toContain('value="Class 4"')
    }
    const nul = await postForm(analyst, page, page, { label: 'Class\u00004', hours: '3' })
    expect(nul.status).toBe(400)
    expect((await sessions()).length).toBe(before.sessions)
    expect(await countIn(database.db, 'audit_events')).toBe(before.audit)
  })

  it('ends a session early, audited; the code then no longer works and ending it again is a 404', async () => {
    const [session] = await sessions()
    const code = session?.code ?? ''
    time.advance(600)
    const ended = await postForm(analyst, page, paths.manage.groupSessionEnd('what-i-need', code))
    expect(ended.status).toBe(303)
    const [after] = await sessions()
    expect(after?.expires_at).toEqual(time.clock())
    expect(after?.ended_early_by).toBe('analyst@council.example')
    expect((await auditOf('group-session-ended')).map((event) => event.details)).toEqual([{ code }])
    expect((await analyst.get(page)).text).toContain('There are no open group sessions for this survey.')
    const start = await analyst.get(`${paths.respond.start(organisation.slug, 'what-i-need')}?group=${code}`)
    expect(start.text).toContain('This group code is not working.')
    expect((await postForm(analyst, page, paths.manage.groupSessionEnd('what-i-need', code))).status).toBe(
      404,
    )
    expect(
      (
        await postForm(
          viewer,
          paths.manage.survey('what-i-need'),
          paths.manage.groupSessionEnd('what-i-need', code),
        )
      ).status,
    ).toBe(403)
    expect(await auditOf('group-session-ended')).toHaveLength(1)
  })
})
