import { randomUUID } from 'node:crypto'
import { paths } from '../../server/paths'
import type { HoldReason } from '../../server/responseLimits/model/holdRules'
import { insertHeldResponse } from '../../server/responseLimits/store/heldQueries'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { downloadBytes, startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { countIn, FakeClock, limitsConfig } from './limitsHelpers'
import { workQueuedRuns } from '../helpers/scorecardRuns'

let database: TestDatabase
let testApp: TestApp
const time = new FakeClock(new Date('2026-05-11T09:00:00Z'))
let organisationId = ''
let surveyId = ''
let analyst: Agent
let viewer: Agent
const page = paths.manage.heldResponses('what-i-need')
const countScorecardRuns = async () =>
  (await database.db.query(`SELECT id FROM scorecard_runs WHERE kind = 'recompute'`)).length

const answers = {
  'listened-to': 'very-important',
  healthiest: 'important',
  safe: 'very-important',
  'accepted-valued': 'important',
  'prepared-future': 'not-important',
  'enjoy-life': 'very-important',
  'life-better': 'Words only the young person wrote',
  'age-group': '12-15',
  helper: 'no',
}

/** A held response as the submit writes one: sent at the clock's time, after `seconds` from its start. */
async function hold(reference: string, reasons: HoldReason[], seconds = 4) {
  const now = time.clock()
  await insertHeldResponse(database.db, {
    organisationId,
    id: randomUUID(),
    surveyId,
    version: 1,
    language: 'en',
    reference,
    draftId: randomUUID(),
    answers,
    submittedAt: now,
    startedAt: new Date(now.getTime() - seconds * 1000),
    reasons,
  })
}

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db, limitsConfig(), { clock: time.clock })
  const organisation = await insertOrganisation(database.db)
  organisationId = organisation.id
  surveyId = (await insertSurvey(database.db, { organisationId, template: 'what-i-need' })).surveyId
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId,
    role: 'analyst',
    email: 'analyst@council.example',
  })
  viewer = await signedInAs(testApp.app, database.db, { organisationId, role: 'viewer' })
  await startFrameworkFromTemplate(analyst)
  await hold('AAAA-0001', ['too-fast'])
  await hold('AAAA-0002', ['too-fast'])
  await hold('AAAA-0003', ['too-fast', 'burst'], 150)
  await hold('AAAA-0004', ['burst'], 200)
  await hold('AAAA-0005', ['repeated-answers'], 300)
})
afterAll(() => database.drop())

const heldReferences = async () =>
  (
    await database.db.query<{ reference: string }>('SELECT reference FROM held_responses ORDER BY reference')
  ).map((row) => row.reference)
const auditOf = (action: string) =>
  database.db.query<{ actor: string; subject: string; details: Record<string, unknown> }>(
    'SELECT actor, subject, details FROM audit_events WHERE action = $1',
    [action],
  )
const listenedToFacts = async () => {
  const [row] = await database.db.query<{ denominator: number }>(
    `SELECT coalesce(sum(f.denominator), 0)::integer AS denominator FROM indicator_facts f
       JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
      WHERE f.organisation_id = $1 AND f.part = '' AND i.counting -> 'questions' = '["listened-to"]'::jsonb`,
    [organisationId],
  )
  return row?.denominator ?? 0
}

/** Posts the held responses form as the page sent it, with these fields. */
async function decide(agent: Agent, fields: Record<string, string | string[]>) {
  const form = await agent.get(page)
  const heldUpTo = /name="heldUpTo" value="([^"]+)"/.exec(form.text)?.[1] ?? ''
  return agent
    .post(page)
    .type('form')
    .send({ _csrf: csrfTokenIn(form.text), heldUpTo, ...fields })
}

describe('held responses in the results', () => {
  it('the results page says how many are held and why; analysts get a link to review them', async () => {
    const results = paths.manage.results('what-i-need')
    const seen = await viewer.get(results)
    expect(seen.status).toBe(200)
    expect(seen.text).toContain('5 responses in this selection are held for review and not counted here.')
    expect(seen.text).toContain('Sent faster than anyone could read the questions: 3')
    expect(seen.text).toContain('One of many sent from one address within a short time: 2')
    expect(seen.text).toContain('The same answers sent again and again from one address: 1')
    expect(seen.text).not.toContain(`href="${page}"`)
    expect((await analyst.get(results)).text).toContain(`href="${page}"`)
    // The selection narrows the held count as it narrows the results.
    const narrowed = await viewer.get(`${results}?from=2026-06-01`)
    expect(narrowed.text).not.toContain('held for review')
  })

  it('the summary CSV counts them in rows of their own, per reason', async () => {
    const response = await downloadBytes(viewer, paths.manage.download('what-i-need', 'summary.csv'))
    const rows = (response.body as Buffer).toString('utf8').replace('\uFEFF', '').trim().split('\r\n')
    expect(rows.find((row) => row.startsWith('held,'))).toContain(',5,no,')
    expect(rows.find((row) => row.startsWith('held:too-fast,'))).toContain(',3,no,')
    expect(rows.find((row) => row.startsWith('held:burst,'))).toContain(',2,no,')
    expect(rows.find((row) => row.startsWith('held:repeated-answers,'))).toContain(',1,no,')
    expect(rows.find((row) => row.startsWith('responses,'))).toContain(',0,')
  })
})

describe('the held responses page', () => {
  it('is for analysts and admins: viewers get 403, and can change nothing', async () => {
    expect((await viewer.get(page)).status).toBe(403)
    const page403 = await postForm(viewer, paths.manage.survey('what-i-need'), page, {
      decision: 'include',
      reasons: 'too-fast',
      heldUpTo: time.clock().toISOString(),
    })
    expect(page403.status).toBe(403)
    expect(await heldReferences()).toHaveLength(5)
  })

  it('shows counts per reason and each held response, with time taken, never the words written', async () => {
    const shown = await analyst.get(page)
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('All held as: Sent faster than anyone could read the questions (3)')
    for (const reference of ['AAAA-0001', 'AAAA-0003', 'AAAA-0005']) expect(shown.text).toContain(reference)
    expect(shown.text).toContain('4 s')
    expect(shown.text).toContain('2 min 30 s')
    expect(shown.text).toContain('Too fast, Burst')
    expect(shown.text).not.toContain('Words only the young person wrote')
    expect((await analyst.get(paths.manage.survey('what-i-need'))).text).toContain(`href="${page}"`)
  })

  it('refuses a choice of nothing, or a form no page sent, with 400, keeping the boxes ticked and changing nothing', async () => {
    const audit = await countIn(database.db, 'audit_events')
    const nothing = await decide(analyst, { decision: 'include' })
    expect(nothing.status).toBe(400)
    expect(nothing.text).toContain('Select at least one held response, or all those held for a reason')
    const noDecision = await decide(analyst, { responses: 'AAAA-0001', decision: 'maybe' })
    expect(noDecision.status).toBe(400)
    expect(noDecision.text).toContain('Choose to include or to discard the responses')
    expect(noDecision.text).toMatch(/value="AAAA-0001" checked/)
    const tampered = await decide(analyst, {
      responses: ['AAAA-0002', 'x'],
      reasons: 'burst',
      decision: 'include',
    })
    expect(tampered.status).toBe(400)
    expect(tampered.text).toContain('The page was out of date. Choose the responses again')
    expect(tampered.text).toMatch(/value="AAAA-0002" checked/)
    expect(tampered.text).toMatch(/value="burst" checked/)
    const nul = await decide(analyst, { responses: 'AAAA-0001\u0000', decision: 'include' })
    expect(nul.status).toBe(400)
    expect(await heldReferences()).toHaveLength(5)
    expect(await countIn(database.db, 'responses')).toBe(0)
    expect(await countIn(database.db, 'audit_events')).toBe(audit)
  })

  it('includes the ticked responses in the counts, keeping their reference, audited, and recalculates the figures', async () => {
    const factsBefore = await listenedToFacts()
    const included = await decide(analyst, { responses: ['AAAA-0004', 'AAAA-0005'], decision: 'include' })
    expect(included.status).toBe(303)
    expect(included.headers.location).toBe(`${page}?included=2`)
    expect((await analyst.get(included.headers.location ?? '')).text).toContain(
      '2 responses were included in the counts. The indicator figures are being worked out again.',
    )
    // The figures are worked out again in the background, as the scorecard-run job does.
    expect(await countScorecardRuns()).toBe(1)
    await workQueuedRuns(testApp)
    const counted = await database.db.query<{ reference: string; submitted_at: Date }>(
      'SELECT reference, submitted_at FROM responses ORDER BY reference',
    )
    expect(counted.map((row) => row.reference)).toEqual(['AAAA-0004', 'AAAA-0005'])
    expect(await heldReferences()).toEqual(['AAAA-0001', 'AAAA-0002', 'AAAA-0003'])
    expect(await listenedToFacts()).toBe(factsBefore + 2)
    expect(await auditOf('held-responses-included')).toEqual([
      {
        actor: 'analyst@council.example',
        subject: 'what-i-need',
        details: { count: 2, 'too-fast': 0, burst: 1, 'repeated-answers': 1 },
      },
    ])
  })

  it('discards every response held for a reason, but not one held after the page was shown, audited', async () => {
    const form = await analyst.get(page)
    const heldUpTo = /name="heldUpTo" value="([^"]+)"/.exec(form.text)?.[1] ?? ''
    time.advance(5)
    await hold('AAAA-0006', ['too-fast'])
    const discarded = await analyst
      .post(page)
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), heldUpTo, reasons: 'too-fast', decision: 'discard' })
    expect(discarded.status).toBe(303)
    expect(discarded.headers.location).toBe(`${page}?discarded=3`)
    expect(await heldReferences()).toEqual(['AAAA-0006'])
    expect(await countIn(database.db, 'responses')).toBe(2)
    expect((await auditOf('held-responses-discarded')).map((event) => event.details)).toEqual([
      { count: 3, 'too-fast': 3, burst: 1, 'repeated-answers': 0 },
    ])
  })
})
