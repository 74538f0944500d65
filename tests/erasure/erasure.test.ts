import { paths } from '../../server/paths'
import { recomputeAllFacts } from '../../server/scorecards/store/recomputeFacts'
import { parseCsv } from '../exports/parseCsv'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { Respondent, referenceIn } from '../helpers/respondent'
import { alikeResponses, downloadBytes, startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { whatINeedAnswers } from '../helpers/whatINeedAnswers'

let database: TestDatabase
let testApp: TestApp
let analyst: Agent
let admin: Agent
let ours: { id: string; slug: string }
let theirs: { id: string; slug: string }
let journeyReference = ''
const privateWords = 'My private words about my school'
const db = () => database.db
const find = paths.manage.erasure

/** What a young person sent through the survey itself, with the reference they were shown. */
async function answerThroughTheSurvey(): Promise<string> {
  const respondent = new Respondent(testApp.app, ours.slug, 'what-i-need')
  await respondent.begin()
  await respondent.answerAll(whatINeedAnswers({ 'life-better': privateWords }))
  if ((await respondent.send()).status !== 303) throw new Error('The response was not sent')
  const reference = referenceIn((await respondent.confirmation()).text)
  if (!reference) throw new Error('No reference shown')
  return reference
}

const factsOf = (periods: string[]) =>
  db().query<{ indicator_id: string; period: string; numerator: number; denominator: number }>(
    `SELECT indicator_id, period, numerator, denominator FROM indicator_facts
      WHERE organisation_id = $1 AND period = ANY ($2::text[]) AND part = '' ORDER BY indicator_id, period`,
    [ours.id, periods],
  )
const audited = () =>
  db().query<{ actor: string; subject: string; details: Record<string, unknown> }>(
    `SELECT actor, subject, details FROM audit_events WHERE action = 'response-erased' ORDER BY occurred_at, id`,
  )
const countResponses = async (reference: string) => {
  const [row] = await db().query<{ count: number }>(
    `SELECT ((SELECT count(*) FROM responses WHERE reference = $1)
           + (SELECT count(*) FROM held_responses WHERE reference = $1))::integer AS count`,
    [reference],
  )
  return row?.count ?? 0
}
const exportedRows = async () => {
  const csv = await downloadBytes(analyst, paths.manage.download('what-i-need', 'responses.csv'))
  return parseCsv((csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, '')).length - 1
}

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(db())
  ours = await insertOrganisation(db(), 'our-council')
  theirs = await insertOrganisation(db(), 'their-council')
  const { surveyId } = await insertSurvey(db(), { organisationId: ours.id, template: 'what-i-need' })
  const theirSurvey = await insertSurvey(db(), { organisationId: theirs.id, template: 'what-i-need' })
  // 2026-Q3 is published; the journey's response lands in the quarter still running.
  const [q3] = await insertResponses(db(), { organisationId: ours.id, surveyId }, [
    ...alikeResponses(1, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(39, 'very-important', '2026-07-16T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-08-16T12:00:00+01:00'),
  ])
  await db().query(`UPDATE responses SET reference = 'Q3Q3-0001' WHERE id = $1`, [q3])
  const [their] = await insertResponses(db(), { organisationId: theirs.id, surveyId: theirSurvey.surveyId }, [
    { answers: {} },
  ])
  await db().query(`UPDATE responses SET reference = 'THE1-R000' WHERE id = $1`, [their])
  await db().query(
    `INSERT INTO held_responses (organisation_id, id, survey_id, version, language, reference, draft_id,
                                 answers, submitted_at, held_at, hold_reasons)
     VALUES ($1, gen_random_uuid(), $2, 1, 'en', 'HE1D-0001', gen_random_uuid(), '{}', now(), now(), ARRAY['burst'])`,
    [ours.id, surveyId],
  )
  journeyReference = await answerThroughTheSurvey()
  const [journey] = await db().query<{ id: string }>('SELECT id FROM responses WHERE reference = $1', [
    journeyReference,
  ])
  await db().query(
    `INSERT INTO survey_themes (organisation_id, survey_id, id, name) VALUES ($1, $2, gen_random_uuid(), 'School')`,
    [ours.id, surveyId],
  )
  await db().query(
    `INSERT INTO answer_themes (organisation_id, response_id, question_id, theme_id)
     SELECT $1, $2, 'life-better', id FROM survey_themes WHERE organisation_id = $1`,
    [ours.id, journey?.id],
  )
  await db().query(
    `INSERT INTO safeguarding_alerts (organisation_id, id, handle, kind, survey_id, language, response_id, reasons, raised_at)
     VALUES ($1, gen_random_uuid(), 'alertfromjourney', 'free-text', $2, 'en', $3, $4, now())`,
    [
      ours.id,
      surveyId,
      journey?.id,
      JSON.stringify([{ questionId: 'life-better', text: privateWords, phrases: [] }]),
    ],
  )
  analyst = await signedInAs(testApp.app, db(), {
    organisationId: ours.id,
    role: 'analyst',
    email: 'analyst@our.example',
  })
  admin = await signedInAs(testApp.app, db(), { organisationId: ours.id, role: 'admin' })
  await startFrameworkFromTemplate(analyst)
  await recomputeAllFacts(db())
  const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
    period: '2026-Q3',
  })
  if (published.status !== 303) throw new Error(`Publishing gave ${published.status}`)
  await workQueuedRuns(testApp)
})
afterAll(() => database.drop())

describe('finding a response by its reference', () => {
  it('takes the reference as a respondent may give it, and shows the survey and when, never the answers', async () => {
    const typed = ` ${journeyReference.replace('-', '').toLowerCase().split('').join(' ')} `
    const found = await postForm(analyst, find, find, { reference: typed })
    expect(found.status).toBe(200)
    expect(found.text).toContain(journeyReference)
    expect(found.text).toContain('What I need')
    expect(found.text).toContain('Counted in results')
    expect(found.text).toContain(
      'If this response raised a safeguarding alert, the alert keeps its own record, with the words that raised it.',
    )
    expect(found.text).not.toContain(privateWords)
    expect(found.text).toContain(`name="reference" value="${journeyReference}"`)
  })

  it('reads O as 0 and I or L as 1', async () => {
    const found = await postForm(analyst, find, find, { reference: 'q3q3-ooOl' })
    expect(found.status).toBe(200)
    expect(found.text).toContain('Q3Q3-0001')
  })

  it.each([
    ['', 400, 'Enter the reference'],
    ['hello', 400, 'Enter a reference of 8 letters and numbers, like K7M2-9QXD'],
    ['K7M2-9QXU', 400, 'Enter a reference of 8 letters and numbers, like K7M2-9QXD'],
    ['ZZZZ-ZZZZ', 404, 'No response to your organisation&#39;s surveys has this reference.'],
  ])('refuses %j with %i, the message and the input kept', async (reference, status, message) => {
    const refused = await postForm(analyst, find, find, { reference })
    expect(refused.status).toBe(status)
    expect(refused.text).toContain(`<a href="#reference">${message}`)
    expect(refused.text).toContain(`value="${reference}"`)
    expect(refused.text).toMatch(/<title>Error: /)
  })

  it('does not find another organisation’s response: the same page as for no response at all', async () => {
    const theirsPage = await postForm(analyst, find, find, { reference: 'THE1-R000' })
    const nothing = await postForm(analyst, find, find, { reference: 'THE1-R001' })
    expect(theirsPage.status).toBe(404)
    expect(theirsPage.text.replace('THE1-R000', '…')).toBe(nothing.text.replace('THE1-R001', '…'))
    const erase = await postForm(analyst, find, paths.manage.erasureConfirm, { reference: 'THE1-R000' })
    expect(erase.status).toBe(404)
    expect(await countResponses('THE1-R000')).toBe(1)
    expect(await audited()).toEqual([])
  })
})

describe('erasing a response', () => {
  it('deletes it with its tags in one go, audited, and the results and export no longer count it', async () => {
    const exportedBefore = await exportedRows()
    expect((await analyst.get(paths.manage.results('what-i-need'))).text).toContain('Responses: 51')
    const q3Before = await factsOf(['2026-Q3'])
    const q4Before = await factsOf(['2026-Q4'])
    const snapshotsBefore = await db().query('SELECT * FROM scorecard_snapshots')
    const erased = await postForm(analyst, find, paths.manage.erasureConfirm, { reference: journeyReference })
    await workQueuedRuns(testApp)
    expect(erased.status).toBe(303)
    expect(erased.headers.location).toBe(find)
    const done = await analyst.get(find)
    expect(done.status).toBe(200)
    expect(done.text).toContain(`Response ${journeyReference} erased`)
    expect(done.text).toContain('Published scorecards stay as they were published.')
    expect((await analyst.get(find)).text).not.toContain(journeyReference)

    expect(await countResponses(journeyReference)).toBe(0)
    expect(await db().query('SELECT * FROM answer_themes')).toEqual([])
    expect(await audited()).toEqual([
      {
        actor: 'analyst@our.example',
        subject: journeyReference,
        details: {
          survey: 'what-i-need',
          held: false,
          note: 'published scorecards are not rewritten; figures recalculated',
        },
      },
    ])
    expect(await exportedRows()).toBe(exportedBefore - 1)
    expect((await analyst.get(paths.manage.results('what-i-need'))).text).toContain('Responses: 50')
    const comments = await analyst.get(paths.manage.comments('what-i-need'))
    expect(comments.text).not.toContain(privateWords)
    // Its quarter's figures are recounted without it; the published quarter and its snapshot are untouched.
    expect(q4Before.length).toBeGreaterThan(0)
    // It was that quarter's only response, so the quarter has no figures left.
    expect(await factsOf(['2026-Q4'])).toEqual([])
    expect(await factsOf(['2026-Q3'])).toEqual(q3Before)
    expect(await db().query('SELECT * FROM scorecard_snapshots')).toEqual(snapshotsBefore)
  })

  it('leaves the safeguarding alert it raised as it was, with its own words', async () => {
    const [alert] = await db().query<{ reasons: { text: string }[] }>(
      `SELECT reasons FROM safeguarding_alerts WHERE handle = 'alertfromjourney'`,
    )
    expect(alert?.reasons[0]?.text).toBe(privateWords)
  })

  it('a second erasure of the same reference finds nothing and audits nothing more', async () => {
    const again = await postForm(analyst, find, paths.manage.erasureConfirm, { reference: journeyReference })
    expect(again.status).toBe(404)
    expect(await audited()).toHaveLength(1)
  })

  it('erases a held response too, and says it was held', async () => {
    const found = await postForm(admin, find, find, { reference: 'he1d0001' })
    expect(found.status).toBe(200)
    expect(found.text).toContain('Held for review, not counted')
    const erased = await postForm(admin, find, paths.manage.erasureConfirm, { reference: 'HE1D-0001' })
    await workQueuedRuns(testApp)
    expect(erased.status).toBe(303)
    expect(await countResponses('HE1D-0001')).toBe(0)
    expect((await audited()).at(-1)?.details).toMatchObject({ survey: 'what-i-need', held: true })
  })

  it('in a published quarter, recounts that quarter’s figures while the published scorecard stays as it was', async () => {
    const before = await factsOf(['2026-Q3'])
    const snapshotsBefore = await db().query('SELECT * FROM scorecard_snapshots')
    const erased = await postForm(analyst, find, paths.manage.erasureConfirm, { reference: 'Q3Q3-0001' })
    await workQueuedRuns(testApp)
    expect(erased.status).toBe(303)
    const after = await factsOf(['2026-Q3'])
    expect(after.map((fact) => fact.indicator_id)).toEqual(before.map((fact) => fact.indicator_id))
    after.forEach((fact, index) => {
      expect(fact.denominator).toBeLessThan(before[index]?.denominator ?? 0)
    })
    expect(await db().query('SELECT * FROM scorecard_snapshots')).toEqual(snapshotsBefore)
  })
})

describe('who may erase', () => {
  it.each(['viewer', 'safeguarding'] as const)('not a %s: 403, and nothing changes', async (role) => {
    const agent = await signedInAs(testApp.app, db(), { organisationId: ours.id, role })
    expect((await agent.get(find)).status).toBe(403)
    const page = await agent.get(paths.manage.surveys)
    expect(page.text).not.toContain(`href="${find}"`)
    const refused = await postForm(agent, paths.manage.surveys, paths.manage.erasureConfirm, {
      reference: 'THE1-R000',
    })
    expect(refused.status).toBe(403)
  })

  it('analysts and admins find it in their navigation', async () => {
    for (const agent of [analyst, admin]) {
      const page = await agent.get(paths.manage.surveys)
      expect(page.text).toContain(`href="${find}"`)
      expect((await agent.get(find)).status).toBe(200)
    }
  })
})
