import { paths } from '../../server/paths'
import { recomputeAllFacts } from '../../server/scorecards/store/recomputeFacts'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { alikeResponses, downloadBytes, startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { parseCsv } from '../exports/parseCsv'
import {
  countWhere,
  frozenClock,
  insertActivity,
  insertAlert,
  insertDrafts,
  insertHeldResponses,
  retentionAudit,
  runRetentionSweep,
} from './retentionFixtures'
import { workQueuedRuns } from '../helpers/scorecardRuns'

/**
 * The nightly sweep with a frozen clock. Ours: "What I need" and "EHCP experience" closed by an officer
 * on 1 November 2026, kept for the organisation's 24 months and the survey's own 6 months. Theirs:
 * "What I need" closing by date on 15 November 2026, kept for their organisation's 12 months.
 */
const clock = frozenClock('2026-11-01T12:00:00Z')
let database: TestDatabase
let testApp: TestApp
let analyst: Agent
let ours: { id: string; slug: string }
let theirs: { id: string; slug: string }
let whatINeed: { organisationId: string; surveyId: string }
let ehcp: { organisationId: string; surveyId: string }
let theirSurvey: { organisationId: string; surveyId: string }
let openAlert: string
let factsBefore: unknown[]
let snapshotsBefore: unknown[]
const db = () => database.db

const factsOf = (organisationId: string) =>
  db().query(
    `SELECT indicator_id, period, part, numerator, denominator, value FROM indicator_facts
      WHERE organisation_id = $1 ORDER BY indicator_id, period, part`,
    [organisationId],
  )
const snapshots = () => db().query('SELECT * FROM scorecard_snapshots ORDER BY organisation_id, period')
const sweepAt = async (at: string) => {
  clock.set(at)
  await runRetentionSweep(testApp)
}

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(db(), {}, { clock: clock.clock })
  ours = await insertOrganisation(db())
  theirs = await insertOrganisation(db())
  await db().query(
    'UPDATE organisations SET retention_months = 12, safeguarding_retention_months = 12 WHERE id = $1',
    [theirs.id],
  )
  await db().query('UPDATE organisations SET safeguarding_retention_months = 24 WHERE id = $1', [ours.id])
  whatINeed = {
    organisationId: ours.id,
    surveyId: (await insertSurvey(db(), { organisationId: ours.id, template: 'what-i-need' })).surveyId,
  }
  ehcp = {
    organisationId: ours.id,
    surveyId: (await insertSurvey(db(), { organisationId: ours.id, template: 'ehcp-experience' })).surveyId,
  }
  theirSurvey = {
    organisationId: theirs.id,
    surveyId: (
      await insertSurvey(db(), {
        organisationId: theirs.id,
        template: 'what-i-need',
        closesAt: new Date('2026-11-15T00:00:00Z'),
      })
    ).surveyId,
  }
  // July to September is published; October is not (its quarter is still running today).
  const [tagged] = await insertResponses(db(), whatINeed, [
    ...alikeResponses(1, 'very-important', '2026-07-15T12:00:00+01:00', { 'life-better': 'Secret words' }),
    ...alikeResponses(29, 'very-important', '2026-07-16T12:00:00+01:00'),
    ...alikeResponses(20, 'important', '2026-08-16T12:00:00+01:00'),
    ...alikeResponses(15, 'very-important', '2026-10-16T12:00:00+01:00'),
  ])
  await db().query(
    `INSERT INTO survey_themes (organisation_id, survey_id, id, name) VALUES ($1, $2, gen_random_uuid(), 'Transport')`,
    [ours.id, whatINeed.surveyId],
  )
  await db().query(
    `INSERT INTO answer_themes (organisation_id, response_id, question_id, theme_id)
     SELECT $1, $2, 'life-better', id FROM survey_themes WHERE organisation_id = $1`,
    [ours.id, tagged],
  )
  await insertHeldResponses(db(), whatINeed, 3, '2026-10-20T12:00:00Z')
  await insertResponses(
    db(),
    ehcp,
    Array.from({ length: 12 }, () => ({ answers: {} })),
  )
  await insertHeldResponses(db(), ehcp, 2, '2026-10-20T12:00:00Z')
  await insertResponses(db(), theirSurvey, alikeResponses(7, 'important', '2026-10-16T12:00:00+01:00'))

  analyst = await signedInAs(testApp.app, db(), { organisationId: ours.id, role: 'analyst' })
  const admin = await signedInAs(testApp.app, db(), { organisationId: ours.id, role: 'admin' })
  await startFrameworkFromTemplate(analyst)
  await recomputeAllFacts(db())
  const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
    period: '2026-Q3',
  })
  if (published.status !== 303) throw new Error(`Publishing gave ${published.status}`)
  await workQueuedRuns(testApp)
  const retention = paths.manage.surveyRetention('ehcp-experience')
  if ((await postForm(analyst, retention, retention, { months: '6' })).status !== 303)
    throw new Error('Could not set the retention period')
  for (const slug of ['what-i-need', 'ehcp-experience'])
    if ((await postForm(analyst, paths.manage.survey(slug), paths.manage.close(slug))).status !== 303)
      throw new Error(`Could not close ${slug}`)

  await insertAlert(db(), ours.id, { raisedAt: '2026-10-30T12:00:00Z', closedAt: '2026-11-01T12:00:00Z' })
  await insertAlert(db(), ours.id, { raisedAt: '2027-05-20T12:00:00Z', closedAt: '2027-06-01T12:00:00Z' })
  openAlert = await insertAlert(db(), ours.id, { raisedAt: '2026-01-01T12:00:00Z', closedAt: null })
  await insertDrafts(db(), whatINeed, 3, '2027-05-01T00:00:00Z')
  await insertDrafts(db(), whatINeed, 2, '2027-05-03T00:00:00Z')
  await insertActivity(db(), ours.id, 3, '2027-04-30T00:00:00Z')
  await insertActivity(db(), ours.id, 2, '2027-05-02T06:00:00Z')
  factsBefore = await factsOf(ours.id)
  snapshotsBefore = await snapshots()
})
afterAll(() => database.drop())

const responsesOf = (survey: { organisationId: string; surveyId: string }) =>
  db()
    .query<{ count: number }>(
      `SELECT (SELECT count(*) FROM responses WHERE organisation_id = $1 AND survey_id = $2)::integer
            + (SELECT count(*) FROM held_responses WHERE organisation_id = $1 AND survey_id = $2)::integer AS count`,
      [survey.organisationId, survey.surveyId],
    )
    .then(([row]) => row?.count ?? 0)

describe('the nightly retention sweep', () => {
  it('records when an officer closed each survey, from the clock', async () => {
    const rows = await db().query<{ slug: string; closed_at: Date }>(
      'SELECT slug, closed_at FROM surveys WHERE organisation_id = $1 ORDER BY slug',
      [ours.id],
    )
    expect(rows.map((row) => [row.slug, row.closed_at.toISOString()])).toEqual([
      ['ehcp-experience', '2026-11-01T12:00:00.000Z'],
      ['what-i-need', '2026-11-01T12:00:00.000Z'],
    ])
    expect(factsBefore.length).toBeGreaterThan(0)
    expect(snapshotsBefore).toHaveLength(1)
  })

  it('deletes nothing a day before the survey’s own six months are up', async () => {
    await sweepAt('2027-04-30T12:00:00Z')
    expect(await responsesOf(ehcp)).toBe(14)
    expect(await responsesOf(whatINeed)).toBe(68)
    expect(await countWhere(db(), 'drafts', ours.id)).toBe(5)
    expect(await countWhere(db(), 'response_activity', ours.id)).toBe(5)
    expect(await retentionAudit(db(), ours.id)).toEqual([])
  })

  it('a day after, deletes that survey’s responses and held responses, expired drafts and old activity: the survey’s setting overrides the organisation’s', async () => {
    await sweepAt('2027-05-02T12:00:00Z')
    expect(await responsesOf(ehcp)).toBe(0)
    expect(await responsesOf(whatINeed)).toBe(68)
    expect(await responsesOf(theirSurvey)).toBe(7)
    expect(await countWhere(db(), 'drafts', ours.id)).toBe(2)
    expect(await countWhere(db(), 'response_activity', ours.id)).toBe(2)
    expect(await retentionAudit(db(), ours.id)).toEqual([
      {
        actor: 'retention',
        details: {
          'responses.ehcp-experience': 12,
          'heldResponses.ehcp-experience': 2,
          drafts: 3,
          responseActivity: 3,
          factsKept: true,
          publishedScorecardsKept: true,
        },
      },
    ])
  })

  it('running it again changes nothing and audits nothing more', async () => {
    await sweepAt('2027-05-02T12:00:00Z')
    expect(await retentionAudit(db(), ours.id)).toHaveLength(1)
    expect(await countWhere(db(), 'drafts', ours.id)).toBe(2)
  })

  it('counts a survey closing by its date from that date, with its own organisation’s period', async () => {
    await sweepAt('2027-11-14T00:00:00Z')
    expect(await responsesOf(theirSurvey)).toBe(7)
    await sweepAt('2027-11-16T00:00:00Z')
    expect(await responsesOf(theirSurvey)).toBe(0)
    expect(await retentionAudit(db(), theirs.id)).toEqual([
      {
        actor: 'retention',
        details: { 'responses.what-i-need': 7, factsKept: true, publishedScorecardsKept: true },
      },
    ])
    expect(await responsesOf(whatINeed)).toBe(68)
    // The same night, ours: the drafts that were live on 2 May 2027 have expired since, the activity aged.
    expect((await retentionAudit(db(), ours.id)).at(-1)?.details).toEqual({
      drafts: 2,
      responseActivity: 2,
      factsKept: true,
      publishedScorecardsKept: true,
    })
  })

  it('keeps the organisation’s 24 months to the day, then deletes responses, tags and closed alerts', async () => {
    await sweepAt('2028-10-31T12:00:00Z')
    expect(await responsesOf(whatINeed)).toBe(68)
    expect(await countWhere(db(), 'safeguarding_alerts', ours.id)).toBe(3)

    await sweepAt('2028-11-02T12:00:00Z')
    expect(await responsesOf(whatINeed)).toBe(0)
    expect(await countWhere(db(), 'answer_themes', ours.id)).toBe(0)
    expect(await countWhere(db(), 'survey_themes', ours.id)).toBe(1)
    // The alert closed on 1 November 2026 goes with its help request, notes and emails; the open one stays.
    const alerts = await db().query<{ id: string; status: string }>(
      'SELECT id, status FROM safeguarding_alerts WHERE organisation_id = $1 ORDER BY raised_at',
      [ours.id],
    )
    expect(alerts.map((alert) => alert.status)).toEqual(['open', 'closed'])
    expect(alerts[0]?.id).toBe(openAlert)
    expect(await countWhere(db(), 'help_requests', ours.id)).toBe(2)
    expect(await countWhere(db(), 'safeguarding_alert_notes', ours.id)).toBe(2)
    expect(await countWhere(db(), 'safeguarding_alert_emails', ours.id)).toBe(2)
    const audit = await retentionAudit(db(), ours.id)
    expect(audit.at(-1)).toEqual({
      actor: 'retention',
      details: {
        'responses.what-i-need': 65,
        'heldResponses.what-i-need': 3,
        'answerTags.what-i-need': 1,
        alerts: 1,
        helpRequests: 1,
        factsKept: true,
        publishedScorecardsKept: true,
      },
    })
    const written = JSON.stringify(audit)
    for (const content of ['Secret words', 'held words', 'draft words', 'talk to me', 'Called the school'])
      expect(written).not.toContain(content)
  })

  it('keeps the indicator facts and the published scorecard, even after the figures are recalculated', async () => {
    await recomputeAllFacts(db())
    expect(await factsOf(ours.id)).toEqual(factsBefore)
    expect(await snapshots()).toEqual(snapshotsBefore)
  })

  it('leaves nothing of the deleted responses in results or the response export', async () => {
    const csv = await downloadBytes(analyst, paths.manage.download('what-i-need', 'responses.csv'))
    expect(csv.status).toBe(200)
    expect(parseCsv((csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, ''))).toHaveLength(1)
    const results = await analyst.get(paths.manage.results('what-i-need'))
    expect(results.status).toBe(200)
    expect(results.text).toContain('Responses: 0')
    const survey = await analyst.get(paths.manage.survey('what-i-need'))
    expect(survey.text).toContain('Deleted on 2 November 2028, after the retention period')
  })
})
