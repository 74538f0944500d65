import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})
afterAll(() => database.drop())

const closesAt = async (slug: string): Promise<string | undefined> => {
  const [row] = await database.db.query<{ closes_at: Date | null }>(
    'SELECT closes_at FROM surveys WHERE organisation_id = $1 AND slug = $2',
    [organisation.id, slug],
  )
  return row?.closes_at?.toISOString()
}

/** The value a date box shows, as a browser would post it back. */
const boxValue = (html: string, name: string): string =>
  new RegExp(`name="${name}" type="text" inputmode="numeric" value="([^"]*)"`).exec(html)?.[1] ?? 'missing'

async function setLastDay(slug: string, day: string, month: string, year: string) {
  const saved = await postForm(analyst, paths.manage.survey(slug), paths.manage.closingDate(slug), {
    day,
    month,
    year,
  })
  expect(saved.status).toBe(303)
}

describe('the closing date', () => {
  it('shows the saved last day in the boxes, so saving the form again keeps it', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'kept',
    })
    await setLastDay('kept', '31', '3', '2030')
    const before = await closesAt('kept')
    // British Summer Time begins on 31 March 2030: midnight at the end of that day is 23:00 UTC.
    expect(before).toBe('2030-03-31T23:00:00.000Z')

    const page = await analyst.get(paths.manage.survey('kept'))
    const shown = {
      day: boxValue(page.text, 'day'),
      month: boxValue(page.text, 'month'),
      year: boxValue(page.text, 'year'),
    }
    expect(shown).toEqual({ day: '31', month: '3', year: '2030' })
    const again = await analyst
      .post(paths.manage.closingDate('kept'))
      .type('form')
      .send({ ...shown, _csrf: csrfTokenIn(page.text) })
    expect(again.status).toBe(303)
    expect(await closesAt('kept')).toBe(before)
  })

  it('shows a 31 March closing date as 31 March, not 1 April, wherever it is shown', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'march',
    })
    await setLastDay('march', '31', '3', '2030')
    const survey = await analyst.get(paths.manage.survey('march'))
    expect(survey.text).toContain('Closes at the end of 31 March 2030')
    expect(survey.text).not.toContain('1 April 2030')
    const list = await analyst.get(paths.manage.surveys)
    expect(list.text).toContain('Closes at the end of 31 March 2030')
    expect(list.text).not.toContain('1 April 2030')
    const start = await request(testApp.app).get(paths.respond.start(organisation.slug, 'march'))
    expect(start.text).toContain('You can answer until the end of 31 March 2030.')
    const welsh = await request(testApp.app).get(`${paths.respond.start(organisation.slug, 'march')}?lang=cy`)
    expect(welsh.text).toContain('Gallwch chi ateb tan ddiwedd 31 Mawrth 2030.')
  })

  it('shows a summer last day (British Summer Time) as that day', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'summer',
    })
    await setLastDay('summer', '30', '6', '2030')
    expect(await closesAt('summer')).toBe('2030-06-30T23:00:00.000Z')
    const survey = await analyst.get(paths.manage.survey('summer'))
    expect(survey.text).toContain('Closes at the end of 30 June 2030')
    expect(boxValue(survey.text, 'day')).toBe('30')
    expect(boxValue(survey.text, 'month')).toBe('6')
  })

  it('says "Closed on" once a survey has closed by its closing date, not "Closes"', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'past',
      closesAt: new Date('2025-04-01T00:00:00+01:00'),
    })
    const survey = await analyst.get(paths.manage.survey('past'))
    expect(survey.text).toContain('Closed on 31 March 2025')
    expect(survey.text).not.toContain('Closes at the end')
    const list = await analyst.get(paths.manage.surveys)
    expect(list.text).toContain('Closed on 31 March 2025')
  })

  it('says "Closed on" the day an officer closed it, even with a closing date still to come', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'stopped',
    })
    await setLastDay('stopped', '31', '3', '2030')
    const closed = await postForm(analyst, paths.manage.survey('stopped'), paths.manage.close('stopped'))
    expect(closed.status).toBe(303)
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long' }).format(
      new Date(),
    )
    const survey = await analyst.get(paths.manage.survey('stopped'))
    expect(survey.text).toContain(`Closed on ${today}`)
    expect(survey.text).not.toContain('Closes at the end')
  })

  it('says there is no closing date when there is none, with empty boxes', async () => {
    await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      slug: 'open-ended',
    })
    const survey = await analyst.get(paths.manage.survey('open-ended'))
    expect(survey.text).toContain('No closing date')
    expect(boxValue(survey.text, 'day')).toBe('')
    const start = await request(testApp.app).get(paths.respond.start(organisation.slug, 'open-ended'))
    expect(start.text).not.toContain('You can answer until')
  })
})
