import request from 'supertest'
import { paths } from '../../server/paths'
import { chosenPeriod } from '../../server/scorecards/model/scorecardPeriods'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import {
  alikeResponses,
  countScorecardRows,
  indicatorSection,
  inputTag,
  linksIn,
  mainHeading,
  startFrameworkFromTemplate,
  visibleText,
} from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let admin: Agent
let analyst: Agent
let survey: { organisationId: string; surveyId: string }
const secretWords = 'My secret words'

/** Someone who is not signed in: a fresh browser with no cookies. */
const visitor = () => request(fixture.testApp.app)
const slug = () => fixture.organisation.slug
const snapshotPage = () => paths.publicScorecards.snapshot(slug(), '2026-Q3')
const embedPage = () => paths.publicScorecards.embed(slug(), '2026-Q3')
const openData = () => paths.publicScorecards.openData(slug(), '2026-Q3')

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  admin = await signedInAs(app, db, { organisationId, role: 'admin', email: 'admin@council.example' })
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst' })
  const surveyId = fixture.surveyIds['what-i-need'] ?? ''
  survey = { organisationId, surveyId }
  // July to September: 40 of 50 "very important", 3 of them from 8 to 11 year olds; one wrote an answer.
  await insertResponses(db, survey, [
    ...alikeResponses(10, 'very-important', '2026-04-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-04-16T12:00:00+01:00'),
    ...alikeResponses(36, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(1, 'very-important', '2026-07-15T13:00:00+01:00', { 'life-better': secretWords }),
    ...alikeResponses(3, 'very-important', '2026-07-16T12:00:00+01:00', { 'age-group': '8-11' }),
    ...alikeResponses(10, 'important', '2026-08-15T12:00:00+01:00'),
  ])
  await startFrameworkFromTemplate(analyst)
  // A figure for 8 to 11 year olds alone: only 3 of them answered, so it is withheld.
  const added = await postForm(
    analyst,
    paths.manage.scorecardNewIndicator,
    paths.manage.scorecardNewIndicator,
    {
      number: '1.2',
      wording: '% of 8 to 11 year olds who say being heard matters',
      outcome: 'listened-to',
      kind: 'survey',
      survey: 'what-i-need',
      unit: 'percentage',
      goodIs: 'up',
      frequency: 'quarterly',
      source: 'Survey: What I need',
      dataOwner: 'Participation team',
      amberTolerance: '5',
    },
  )
  const counting = paths.manage.scorecardCounting('1-2')
  const counted = await postForm(analyst, counting, counting, {
    questions: 'listened-to',
    positive: ['very-important', 'important'],
    excluded: 'dont-know',
    'about-age-group': '8-11',
  } as unknown as Record<string, string>)
  if (added.status !== 303 || counted.status !== 303) throw new Error('Could not add indicator 1.2')
})

describe('what officers write for the published scorecard', () => {
  const commentary = paths.manage.scorecardCommentary('1-1')

  it('keeps commentary on an indicator’s figure for a quarter', async () => {
    const page = await analyst.get(`${commentary}?period=2026-Q3`)
    expect(page.status).toBe(200)
    expect(inputTag(page.text, 'period', '2026-Q3')).toContain('type="hidden"')
    const done = await postForm(analyst, `${commentary}?period=2026-Q3`, commentary, {
      period: '2026-Q3',
      commentary: 'Up from half in the spring, after the youth forum began.',
    })
    expect(done.status).toBe(303)
    const rows = await fixture.database.db.query('SELECT period, commentary FROM indicator_commentary')
    expect(rows).toEqual([
      { period: '2026-Q3', commentary: 'Up from half in the spring, after the youth forum began.' },
    ])
  })

  it('refuses commentary too long, or for a period that is not one, changing nothing', async () => {
    const before = await fixture.database.db.query('SELECT * FROM indicator_commentary')
    const long = 'Much to say. '.repeat(80)
    const refused = await postForm(analyst, `${commentary}?period=2026-Q3`, commentary, {
      period: '2026-Q3',
      commentary: long,
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#commentary">Commentary must be 1,000 characters or fewer</a>')
    expect(refused.text).toContain(long.trim())
    expect((await analyst.get(`${commentary}?period=2026-Q9`)).status).toBe(400)
    const badPeriod = await postForm(analyst, `${commentary}?period=2026-Q3`, commentary, {
      period: '2026-Q9',
      commentary: 'For a quarter that never was.',
    })
    expect(badPeriod.status).toBe(400)
    expect(await fixture.database.db.query('SELECT * FROM indicator_commentary')).toEqual(before)
  })

  it('keeps an entry written by an analyst', async () => {
    const page = paths.manage.scorecardYouSaidWeDid
    const done = await postForm(analyst, page, page, {
      youSaid: 'The bus to college takes too long.',
      weDid: 'We asked the transport team to add a stop by the college.',
    })
    expect(done.status).toBe(303)
    expect((await analyst.get(page)).text).toContain('The bus to college takes too long.')
    expect(await countScorecardRows(fixture.database.db, 'you_said_we_did')).toBe(1)
  })

  it('stores an entry posted twice (a double click, a retry) once', async () => {
    const page = paths.manage.scorecardYouSaidWeDid
    const entry = {
      youSaid: 'The bus to college takes too long.',
      weDid: 'We asked the transport team to add a stop by the college.',
    }
    const again = await postForm(analyst, page, page, entry)
    expect(again.status).toBe(303)
    expect(await countScorecardRows(fixture.database.db, 'you_said_we_did')).toBe(1)
  })

  it('refuses an entry without what was done, keeping what was said', async () => {
    const page = paths.manage.scorecardYouSaidWeDid
    const refused = await postForm(analyst, page, page, {
      youSaid: 'Nobody explains my plan to me.',
      weDid: ' ',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#weDid">Enter what was done</a>')
    expect(refused.text).toMatch(
      /<textarea\b[^>]*name="youSaid"[^>]*>\s*Nobody explains my plan to me\.\s*<\/textarea>/,
    )
    expect(await countScorecardRows(fixture.database.db, 'you_said_we_did')).toBe(1)
  })
})

describe('publishing a scorecard', () => {
  it('is for admins only', async () => {
    expect((await analyst.get(paths.manage.scorecardPublish)).status).toBe(403)
    const refused = await postForm(analyst, paths.manage.scorecards, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(refused.status).toBe(403)
    expect(await countScorecardRows(fixture.database.db, 'scorecard_snapshots')).toBe(0)
  })

  it('refuses the quarter still running, and one that is not a quarter, with 400', async () => {
    const current = chosenPeriod('quarterly', undefined)?.key ?? ''
    const page = await admin.get(paths.manage.scorecardPublish)
    expect(page.status).toBe(200)
    expect(inputTag(page.text, 'period', '2026-Q3')).toContain('type="radio"')
    expect(() => inputTag(page.text, 'period', current)).toThrow()
    for (const period of [current, '2026-Q9', '']) {
      const refused = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
        period,
      })
      expect(refused.status).toBe(400)
      expect(refused.text).toContain(
        '<a href="#period">Choose a quarter that has ended and is not yet published</a>',
      )
    }
    expect(await countScorecardRows(fixture.database.db, 'scorecard_snapshots')).toBe(0)
  })

  it('publishes an ended quarter in the background and shows the admin the way to its public page', async () => {
    const done = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(done.status).toBe(303)
    const runPage = String(done.headers.location)
    expect(runPage).toMatch(/^\/manage\/scorecards\/runs\/[0-9a-f-]{36}$/)
    expect((await admin.get(runPage)).text).toContain('Publishing the scorecard for July to September 2026')
    expect(await countScorecardRows(fixture.database.db, 'scorecard_snapshots')).toBe(0)
    await workQueuedRuns(fixture.testApp)
    expect(linksIn((await admin.get(runPage)).text)).toContainEqual([
      `/scorecards/${slug()}/2026-q3`,
      'See the published scorecard',
    ])
    const rows = await fixture.database.db.query<{ period: string; published_by: string }>(
      'SELECT period, published_by FROM scorecard_snapshots',
    )
    expect(rows).toEqual([{ period: '2026-Q3', published_by: 'admin@council.example' }])
    const audit = await fixture.database.db.query(
      `SELECT actor, subject FROM audit_events WHERE action = 'scorecard-published'`,
    )
    expect(audit).toEqual([{ actor: 'admin@council.example', subject: '2026-Q3' }])
  })

  it('leaves the first publication standing when the quarter is published again', async () => {
    const before = await fixture.database.db.query('SELECT * FROM scorecard_snapshots')
    const again = await postForm(admin, paths.manage.scorecards, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(again.status).toBe(303)
    expect(again.headers.location).toBe(`/scorecards/${slug()}/2026-q3`)
    expect(await fixture.database.db.query('SELECT * FROM scorecard_snapshots')).toEqual(before)
    expect(await countScorecardRows(fixture.database.db, 'scorecard_snapshots')).toBe(1)
    const page = await admin.get(paths.manage.scorecardPublish)
    expect(() => inputTag(page.text, 'period', '2026-Q3')).toThrow()
    expect(linksIn(page.text)).toContainEqual([`/scorecards/${slug()}/2026-q3`, 'July to September 2026'])
  })
})

describe('the published scorecard', () => {
  it('is public: the scorecard with its figures and "You said, we did"', async () => {
    const page = await visitor().get(snapshotPage())
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('public, max-age=300')
    expect(mainHeading(page.text)).toBe('Outcome scorecard for July to September 2026')
    const text = visibleText(page.text)
    expect(text).toContain(`Council ${slug()}`)
    expect(page.text).toMatch(
      /<h2\b[^>]*id="outcome-listened-to"[^>]*>\s*(<bdi>)?I need to be listened to and heard\./,
    )
    const headline = visibleText(indicatorSection(page.text, '1-1'))
    expect(headline).toContain('80.0% (n = 50) 95% interval 67.0% to 88.8% July to September 2026')
    expect(headline).toContain('RAG status No target set')
    expect(headline).toContain('Trend Improving')
    expect(headline).toContain('Commentary Up from half in the spring, after the youth forum began.')
    expect(text).toContain(
      'You said: The bus to college takes too long. We did: We asked the transport team to add a stop by the college.',
    )
    expect(visibleText(indicatorSection(page.text, '1-2'))).toContain('Fewer than 10: not shown')
    // No officer's links on the public page.
    expect(page.text).not.toContain('/manage/scorecards/indicators/')
  })

  it('never shows anyone’s own words, nor internal ids, in the page, the embed or the open data', async () => {
    const ids = await fixture.database.db.query<{ id: string }>(
      `SELECT id::text FROM indicators UNION ALL SELECT id::text FROM outcomes
        UNION ALL SELECT id::text FROM surveys UNION ALL SELECT id::text FROM organisations
        UNION ALL SELECT id::text FROM you_said_we_did`,
    )
    for (const path of [snapshotPage(), embedPage(), openData()]) {
      const response = await visitor().get(path)
      expect(response.status).toBe(200)
      expect(response.text).not.toContain(secretWords)
      for (const { id } of ids) expect(response.text).not.toContain(id)
    }
  })

  it('cannot be changed or removed in the database', async () => {
    const before = await fixture.database.db.query('SELECT * FROM scorecard_snapshots')
    await expect(fixture.database.db.query(`UPDATE scorecard_snapshots SET content = '{}'`)).rejects.toThrow(
      /published scorecard snapshots never change/,
    )
    await expect(fixture.database.db.query('DELETE FROM scorecard_snapshots')).rejects.toThrow(
      /published scorecard snapshots never change/,
    )
    await expect(fixture.database.db.query('TRUNCATE scorecard_snapshots')).rejects.toThrow(
      /published scorecard snapshots never change/,
    )
    expect(await fixture.database.db.query('SELECT * FROM scorecard_snapshots')).toEqual(before)
  })

  it('stays exactly as published after more responses, entries and commentary arrive and the figures are recalculated', async () => {
    const pages = async () =>
      Promise.all(
        [snapshotPage(), embedPage(), openData()].map(async (path) => (await visitor().get(path)).text),
      )
    const before = await pages()
    await insertResponses(fixture.database.db, survey, [
      ...alikeResponses(20, 'not-important', '2026-09-10T12:00:00+01:00'),
      ...alikeResponses(12, 'important', '2026-07-20T12:00:00+01:00', { 'age-group': '8-11' }),
    ])
    const entries = paths.manage.scorecardYouSaidWeDid
    await postForm(analyst, entries, entries, { youSaid: 'Later words.', weDid: 'Later deeds.' })
    const commentary = paths.manage.scorecardCommentary('1-1')
    const changed = await postForm(analyst, `${commentary}?period=2026-Q3`, commentary, {
      period: '2026-Q3',
      commentary: 'Rewritten after publishing.',
    })
    expect(changed.status).toBe(303)
    const done = await postForm(analyst, paths.manage.scorecards, paths.manage.scorecardRecompute, {
      period: '2026-Q3',
    })
    expect(done.status).toBe(303)
    await workQueuedRuns(fixture.testApp)
    const [fact] = await fixture.database.db.query<{ numerator: number; denominator: number }>(
      `SELECT f.numerator, f.denominator FROM indicator_facts f
         JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
        WHERE i.number = '1.1' AND f.period = '2026-Q3'`,
    )
    expect(fact).toEqual({ numerator: 40, denominator: 82 })
    expect(await pages()).toEqual(before)
  })

  it('is listed on the organisation’s public page', async () => {
    const list = await visitor().get(paths.publicScorecards.list(slug()))
    expect(list.status).toBe(200)
    expect(linksIn(list.text)).toContainEqual([`/scorecards/${slug()}/2026-q3`, 'July to September 2026'])
  })

  it('has an embed without the service’s header and footer that other sites may frame', async () => {
    const embed = await visitor().get(embedPage())
    expect(embed.status).toBe(200)
    expect(embed.text).not.toContain('<header')
    expect(embed.text).not.toContain('<footer')
    expect(visibleText(embed.text)).toContain('80.0% (n = 50)')
    expect(visibleText(embed.text)).toContain('I need to be listened to and heard.')
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *')
    expect(embed.headers['content-security-policy']).not.toContain("frame-ancestors 'none'")
    expect(embed.headers['x-frame-options']).toBeUndefined()

    const page = await visitor().get(snapshotPage())
    expect(page.text).toContain('<header')
    expect(page.text).toContain('<footer')
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-frame-options']).toBeDefined()
  })

  it('gives open data as JSON with each indicator’s figures and suppression flags', async () => {
    const response = await visitor().get(openData())
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    const data = JSON.parse(response.text) as {
      organisation: { slug: string }
      quarter: { key: string }
      smallNumberThreshold: number
      outcomes: {
        outcome: { id: string; statement: string } | null
        indicators: {
          number: string
          current: {
            numerator: number | null
            denominator: number | null
            value: number | null
            suppressed: boolean
          }
          rag: string
          trend: { status: string }
          commentary: string | null
          history: { period: string; suppressed: boolean }[]
        }[]
      }[]
      youSaidWeDid: { youSaid: string; weDid: string }[]
    }
    expect(data.organisation.slug).toBe(slug())
    expect(data.quarter.key).toBe('2026-Q3')
    expect(data.smallNumberThreshold).toBe(10)
    expect(data.outcomes.map((group) => group.outcome?.id ?? null)).toEqual([
      'listened-to',
      'healthiest',
      'safe',
      'accepted-valued',
      'prepared-future',
      'enjoy-life',
      null,
    ])
    const [listened] = data.outcomes
    const [headline, youngest] = listened?.indicators ?? []
    expect(headline).toMatchObject({
      number: '1.1',
      current: { numerator: 40, denominator: 50, value: 80, suppressed: false },
      rag: 'no-target',
      trend: { status: 'improving' },
      commentary: 'Up from half in the spring, after the youth forum began.',
    })
    expect(headline?.history.map((fact) => fact.period)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ])
    expect(youngest).toMatchObject({
      number: '1.2',
      current: { numerator: null, denominator: null, value: null, suppressed: true },
    })
    expect(data.youSaidWeDid).toEqual([
      expect.objectContaining({
        youSaid: 'The bus to college takes too long.',
        weDid: 'We asked the transport team to add a stop by the college.',
      }),
    ])
  })

  it('gives 404 for an organisation or a quarter that has nothing published', async () => {
    const missing = [
      paths.publicScorecards.list('no-such-council'),
      paths.publicScorecards.snapshot('no-such-council', '2026-Q3'),
      paths.publicScorecards.snapshot(slug(), '2026-Q2'),
      paths.publicScorecards.snapshot(slug(), '2026-q9'),
      paths.publicScorecards.embed(slug(), '2026-Q2'),
      paths.publicScorecards.openData(slug(), '2026-Q2'),
      paths.publicScorecards.openData('no-such-council', '2026-Q3'),
      `/scorecards/${slug()}/not-a-quarter`,
      '/scorecards/Not_A_Slug',
    ]
    for (const path of missing)
      expect({ path, status: (await visitor().get(path)).status }).toEqual({ path, status: 404 })
  })
})
