import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { administrativeIndicatorForm, startFrameworkFromTemplate, visibleText } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { workQueuedRuns } from '../helpers/scorecardRuns'

const database = useTestDatabase()
let testApp: TestApp
let organisationId: string
let analyst: Agent
let admin: Agent
let responseId: string

interface AuditRow {
  actor: string
  subject: string | null
  details: Record<string, unknown>
}

/** The audit rows of one action, oldest first. */
const rowsOf = (action: string) =>
  database.db.query<AuditRow>(
    `SELECT actor, subject, details FROM audit_events
      WHERE organisation_id = $1 AND action = $2 ORDER BY occurred_at, id`,
    [organisationId, action],
  )

const lastOf = async (action: string) => (await rowsOf(action)).at(-1)

const administrative = administrativeIndicatorForm({
  baselineValue: '52.5',
  baselineDate: '2026-03-31',
  target1Date: '2026-06-30',
  target1Value: '60',
})

beforeAll(async () => {
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db, 'audited-council')
  organisationId = organisation.id
  const { surveyId } = await insertSurvey(database.db, { organisationId, template: 'what-i-need' })
  ;[responseId = ''] = await insertResponses(database.db, { organisationId, surveyId }, [
    { answers: { 'life-better': 'More buses to college' } },
  ])
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId,
    role: 'analyst',
    email: 'analyst@audited.example',
  })
  admin = await signedInAs(testApp.app, database.db, { organisationId, role: 'admin' })
})

describe('each change to scorecard data is audited with what it was before and after', () => {
  it('starting the framework from the template records how many outcomes and indicators it made', async () => {
    await startFrameworkFromTemplate(analyst)
    const row = await lastOf('framework-started')
    expect(row?.actor).toBe('analyst@audited.example')
    expect(row?.details.before).toEqual({ outcomes: 0, indicators: 0 })
    expect(row?.details.after).toMatchObject({ outcomes: 6 })
  })

  it('adding and rewording an outcome', async () => {
    const framework = paths.manage.scorecardFramework
    const added = await postForm(analyst, framework, paths.manage.scorecardNewOutcome, {
      statement: 'I need a bus that comes.',
    })
    expect(added.status).toBe(303)
    const slug = (await lastOf('outcome-added'))?.subject ?? ''
    expect(await lastOf('outcome-added')).toMatchObject({
      details: { before: null, after: { statement: 'I need a bus that comes.' } },
    })
    const page = paths.manage.scorecardOutcomeStatement(slug)
    expect((await postForm(analyst, page, page, { statement: 'I need a bus on time.' })).status).toBe(303)
    expect(await lastOf('outcome-changed')).toMatchObject({
      subject: slug,
      details: {
        before: { statement: 'I need a bus that comes.' },
        after: { statement: 'I need a bus on time.' },
      },
    })
  })

  it('adding and changing an indicator, its targets among its fields', async () => {
    const form = paths.manage.scorecardNewIndicator
    expect((await postForm(analyst, form, form, administrative)).status).toBe(303)
    const added = await lastOf('indicator-added')
    expect(added?.subject).toBe('5.2')
    expect(added?.details.before).toBeNull()
    expect(added?.details.after).toMatchObject({
      wording: administrative.wording,
      targets: '60 by 2026-06-30',
    })

    const page = paths.manage.scorecardIndicator('5-2')
    const changed = { ...administrative, target1Value: '65', source: 'SEND team' }
    expect((await postForm(analyst, page, page, changed)).status).toBe(303)
    // Only what changed is kept, on both sides.
    expect((await lastOf('indicator-changed'))?.details).toEqual({
      before: { source: 'Council SEND team', targets: '60 by 2026-06-30' },
      after: { source: 'SEND team', targets: '65 by 2026-06-30' },
    })
  })

  it('entering a figure, then correcting it', async () => {
    const values = paths.manage.scorecardValues('5-2')
    expect((await postForm(analyst, values, values, { period: '2026-Q3', value: '61.5' })).status).toBe(303)
    expect((await lastOf('administrative-values-changed'))?.details).toEqual({
      before: { '5.2 2026-Q3': null },
      after: { '5.2 2026-Q3': 61.5 },
    })
    expect((await postForm(analyst, values, values, { period: '2026-Q3', value: '63' })).status).toBe(303)
    expect((await lastOf('administrative-values-changed'))?.details).toEqual({
      before: { '5.2 2026-Q3': 61.5 },
      after: { '5.2 2026-Q3': 63 },
    })
  })

  it('importing figures from a file', async () => {
    const token = csrfTokenIn((await analyst.get(paths.manage.scorecardImport)).text)
    const imported = await analyst
      .post(paths.manage.scorecardImport)
      .field('_csrf', token)
      .attach('file', Buffer.from('indicator,period,value\n5.2,2026-Q3,64\n5.2,2026-Q2,58\n'), 'figures.csv')
    expect(imported.status).toBe(303)
    expect((await lastOf('administrative-values-changed'))?.details).toEqual({
      before: { '5.2 2026-Q3': 63, '5.2 2026-Q2': null },
      after: { '5.2 2026-Q3': 64, '5.2 2026-Q2': 58 },
    })
  })

  it('writing, rewriting and clearing commentary', async () => {
    const commentary = paths.manage.scorecardCommentary('5-2')
    const write = (text: string) =>
      postForm(analyst, `${commentary}?period=2026-Q3`, commentary, { period: '2026-Q3', commentary: text })
    expect((await write('Up after the new caseworkers.')).status).toBe(303)
    expect((await write('Up after two new caseworkers.')).status).toBe(303)
    expect((await write('')).status).toBe(303)
    expect((await rowsOf('commentary-changed')).map((row) => [row.subject, row.details])).toEqual([
      ['5.2', { before: { '2026-Q3': null }, after: { '2026-Q3': 'Up after the new caseworkers.' } }],
      [
        '5.2',
        {
          before: { '2026-Q3': 'Up after the new caseworkers.' },
          after: { '2026-Q3': 'Up after two new caseworkers.' },
        },
      ],
      ['5.2', { before: { '2026-Q3': 'Up after two new caseworkers.' }, after: { '2026-Q3': null } }],
    ])
  })

  it('adding and removing a "You said, we did" entry', async () => {
    const page = paths.manage.scorecardYouSaidWeDid
    const entry = { youSaid: 'The bus takes too long.', weDid: 'We added a stop.' }
    expect((await postForm(analyst, page, page, entry)).status).toBe(303)
    // Posted twice (a double click), stored and audited once.
    expect((await postForm(analyst, page, page, entry)).status).toBe(303)
    expect((await rowsOf('you-said-we-did-added')).map((row) => row.details)).toEqual([
      { before: null, after: entry },
    ])
    const [stored] = await database.db.query<{ id: string }>('SELECT id FROM you_said_we_did')
    const removed = await postForm(analyst, page, paths.manage.scorecardYouSaidWeDidRemove, {
      entry: stored?.id ?? '',
    })
    expect(removed.status).toBe(303)
    expect((await lastOf('you-said-we-did-removed'))?.details).toEqual({ before: entry, after: null })
  })

  it('publishing a quarter', async () => {
    const publish = paths.manage.scorecardPublish
    expect((await postForm(admin, publish, publish, { period: '2026-Q3' })).status).toBe(303)
    await workQueuedRuns(testApp)
    expect(await lastOf('scorecard-published')).toMatchObject({
      subject: '2026-Q3',
      details: { before: { published: false }, after: { published: true } },
    })
  })

  it('tagging a free-text answer with themes, without the answer’s words', async () => {
    const comments = paths.manage.comments('what-i-need')
    const tag = (fields: Record<string, string>) =>
      postForm(analyst, comments, paths.manage.commentThemes('what-i-need'), {
        responseId,
        questionId: 'life-better',
        ...fields,
      })
    expect((await tag({ newTheme: 'Transport' })).status).toBe(303)
    expect((await tag({})).status).toBe(303)
    const rows = await rowsOf('themes-tagged')
    expect(rows.map((row) => [row.subject, row.details.before, row.details.after])).toEqual([
      ['what-i-need', { themes: null }, { themes: 'Transport' }],
      ['what-i-need', { themes: 'Transport' }, { themes: null }],
    ])
    expect(JSON.stringify(rows)).not.toContain('buses')
  })

  it('a change and its audit row are kept or lost together', async () => {
    const counted = await database.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM administrative_values WHERE organisation_id = $1`,
      [organisationId],
    )
    const audited = (await rowsOf('administrative-values-changed')).length
    const values = paths.manage.scorecardValues('5-2')
    // Refused by validation: neither written.
    expect((await postForm(analyst, values, values, { period: '2026-Q9', value: '1' })).status).toBe(400)
    expect((await rowsOf('administrative-values-changed')).length).toBe(audited)
    expect(
      await database.db.query(
        `SELECT count(*)::integer AS count FROM administrative_values WHERE organisation_id = $1`,
        [organisationId],
      ),
    ).toEqual(counted)
  })
})

describe('the audit log page', () => {
  it('shows each change readably, what it was and what it became', async () => {
    const page = await admin.get(`${paths.manage.audit}?action=commentary-changed`)
    expect(page.status).toBe(200)
    const text = visibleText(page.text)
    expect(text).toContain('Commentary changed')
    expect(text).toContain('2026-Q3: was Up after the new caseworkers. → now Up after two new caseworkers.')
    expect(text).toContain('2026-Q3: was nothing → now Up after the new caseworkers.')
    expect(page.text).toContain('<del>Up after the new caseworkers.</del>')
  })
})
