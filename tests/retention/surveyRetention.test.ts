import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { frozenClock } from './retentionFixtures'

const clock = frozenClock('2026-11-01T12:00:00Z')
let database: TestDatabase
let testApp: TestApp
let analyst: Agent
let viewer: Agent
let organisationId: string
const page = paths.manage.surveyRetention('what-i-need')
const surveyPage = paths.manage.survey('what-i-need')

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db, {}, { clock: clock.clock })
  organisationId = (await insertOrganisation(database.db)).id
  await insertSurvey(database.db, { organisationId, template: 'what-i-need' })
  const other = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: other.id, template: 'what-i-need', slug: 'their-survey' })
  analyst = await signedInAs(testApp.app, database.db, { organisationId, role: 'analyst' })
  viewer = await signedInAs(testApp.app, database.db, { organisationId, role: 'viewer' })
})
afterAll(() => database.drop())

const stored = async () => {
  const [row] = await database.db.query<{ retention_months: number | null }>(
    `SELECT retention_months FROM surveys WHERE organisation_id = $1 AND slug = 'what-i-need'`,
    [organisationId],
  )
  return row?.retention_months
}
const audited = () =>
  database.db.query<{ subject: string; details: unknown }>(
    `SELECT subject, details FROM audit_events WHERE action = 'retention-changed' ORDER BY occurred_at`,
  )

describe('a survey’s retention period', () => {
  it('is offered to analysts from the survey page, with the organisation’s default', async () => {
    const survey = await analyst.get(surveyPage)
    expect(survey.text).toContain('24 (your organisation&#39;s default)')
    expect(survey.text).toContain(`href="${page}"`)
    expect(survey.text).toContain('Once the survey has closed and the months have passed')
    const form = await analyst.get(page)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Leave it empty to use your organisation&#39;s default (24 months).')
  })

  it.each(['0', '121', 'abc', '1.5', '-3'])(
    'refuses %s with 400, the error summary and the input kept, changing nothing',
    async (months) => {
      const refused = await postForm(analyst, page, page, { months })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain(
        '<a href="#months">Enter a whole number of months from 1 to 120, or leave it empty</a>',
      )
      expect(refused.text).toContain(`value="${months}"`)
      expect(refused.text).toMatch(/<title>Error: /)
      expect(await stored()).toBeNull()
      expect(await audited()).toEqual([])
    },
  )

  it('saves a number of months, audited, and redirects to the survey page', async () => {
    const saved = await postForm(analyst, page, page, { months: ' 36 ' })
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(surveyPage)
    expect(await stored()).toBe(36)
    expect(await audited()).toEqual([{ subject: 'what-i-need', details: { from: null, to: 36 } }])
    expect((await analyst.get(page)).text).toContain('value="36"')
  })

  it('says when the responses will be deleted once the survey has closed, and counts again on reopening', async () => {
    await postForm(analyst, surveyPage, paths.manage.close('what-i-need'))
    const closed = await analyst.get(surveyPage)
    expect(closed.text).toContain('On or soon after 1 November 2029')
    clock.set('2026-11-20T12:00:00Z')
    await postForm(analyst, surveyPage, paths.manage.open('what-i-need'))
    const [row] = await database.db.query<{ closed_at: Date | null }>(
      `SELECT closed_at FROM surveys WHERE organisation_id = $1 AND slug = 'what-i-need'`,
      [organisationId],
    )
    expect(row?.closed_at).toBeNull()
    expect((await analyst.get(surveyPage)).text).toContain(
      'Once the survey has closed and the months have passed',
    )
  })

  it('goes back to the organisation’s default when left empty', async () => {
    expect((await postForm(analyst, page, page, { months: '' })).status).toBe(303)
    expect(await stored()).toBeNull()
    expect((await audited()).at(-1)?.details).toEqual({ from: 36, to: null })
  })

  it('is for analysts and admins: a viewer sees it on the survey page but cannot change it', async () => {
    const survey = await viewer.get(surveyPage)
    expect(survey.text).toContain('24 (your organisation&#39;s default)')
    expect(survey.text).not.toContain(`href="${page}"`)
    expect((await viewer.get(page)).status).toBe(403)
    const refused = await postForm(viewer, surveyPage, page, { months: '12' })
    expect(refused.status).toBe(403)
    expect(await stored()).toBeNull()
  })

  it('is not found for another organisation’s survey', async () => {
    const theirs = paths.manage.surveyRetention('their-survey')
    expect((await analyst.get(theirs)).status).toBe(404)
    expect((await postForm(analyst, surveyPage, theirs, { months: '12' })).status).toBe(404)
    const [row] = await database.db.query<{ retention_months: number | null }>(
      `SELECT retention_months FROM surveys WHERE slug = 'their-survey'`,
    )
    expect(row?.retention_months).toBeNull()
  })
})
