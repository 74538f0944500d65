import { paths } from '../../server/paths'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { alikeResponses, countScorecardRows, startFrameworkFromTemplate } from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { whatINeedAnswers } from '../helpers/whatINeedAnswers'

const fixture = useSurveyApp(['what-i-need', 'ehcp-experience'])
let admin: Agent
const page = paths.manage.scorecardYouSaidWeDid
const app = () => fixture.testApp.app
const startOf = (survey: string) => paths.respond.start(fixture.organisation.slug, survey)

/** A young person answers and sends; returns the thank-you page. */
async function sendAnswers(): Promise<string> {
  const respondent = new Respondent(app(), fixture.organisation.slug, 'what-i-need')
  await respondent.begin()
  await respondent.answerAll(whatINeedAnswers())
  if ((await respondent.send()).status !== 303) throw new Error('The response was not sent')
  return (await respondent.confirmation()).text
}

async function addEntry(fields: { youSaid: string; weDid: string; survey: string }) {
  return postForm(admin, page, page, fields)
}

beforeAll(async () => {
  admin = await signedInAs(app(), fixture.database.db, {
    organisationId: fixture.organisation.id,
    role: 'admin',
  })
})

describe('"You said, we did" about a survey', () => {
  it('offers the organisation’s surveys, or none', async () => {
    const form = await admin.get(page)
    expect(form.text).toContain('Which survey does this answer? (optional)')
    expect(form.text).toContain('<option value="">None: show it on the scorecard only</option>')
    expect(form.text).toContain('<option value="what-i-need">')
  })

  it('refuses a survey that is not one of the organisation’s, keeping the words and storing nothing', async () => {
    const refused = await addEntry({
      youSaid: 'The buses are late.',
      weDid: 'We spoke to the bus company.',
      survey: 'someone-elses-survey',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#survey">Choose a survey from the list, or none</a>')
    expect(refused.text).toMatch(/<textarea\b[^>]*name="youSaid"[^>]*>\s*The buses are late\.\s*<\/textarea>/)
    expect(await countScorecardRows(fixture.database.db, 'you_said_we_did')).toBe(0)
  })

  it('shows the three newest entries about a survey on its start page, and no others', async () => {
    for (const [index, survey] of [
      'what-i-need',
      'what-i-need',
      'what-i-need',
      'what-i-need',
      '',
    ].entries()) {
      const added = await addEntry({
        youSaid: `Young people said thing ${String(index + 1)}.`,
        weDid: `We changed thing ${String(index + 1)}.`,
        survey,
      })
      expect(added.status).toBe(303)
    }
    const rows = await fixture.database.db.query<{ survey_id: string | null }>(
      'SELECT survey_id FROM you_said_we_did ORDER BY created_at',
    )
    expect(rows.map((row) => row.survey_id)).toEqual([
      ...Array<string>(4).fill(fixture.surveyIds['what-i-need'] ?? ''),
      null,
    ])
    const start = await new Respondent(app(), fixture.organisation.slug, 'what-i-need').get(
      startOf('what-i-need'),
    )
    // "What I need" is an easy-read survey, so the heading is in easy read.
    expect(start.text).toContain('You told us. We did this.')
    for (const shown of [2, 3, 4]) expect(start.text).toContain(`We changed thing ${String(shown)}.`)
    expect(start.text).not.toContain('We changed thing 1.')
    expect(start.text).not.toContain('We changed thing 5.')
    const other = await new Respondent(app(), fixture.organisation.slug, 'ehcp-experience').get(
      startOf('ehcp-experience'),
    )
    expect(other.text).not.toContain('You told us. We did this.')
    expect(other.text).not.toContain('We changed thing')
  })

  it('marks the officers’ English words as English on a Welsh or Urdu start page', async () => {
    const welsh = await new Respondent(app(), fixture.organisation.slug, 'what-i-need').get(
      `${startOf('what-i-need')}?lang=cy`,
    )
    expect(welsh.text).toContain('Fe ddywedoch chi wrthym ni. Fe wnaethon ni hyn.')
    expect(welsh.text).toContain('<bdi lang="en" dir="ltr">We changed thing 4.</bdi>')
    const english = await new Respondent(app(), fixture.organisation.slug, 'what-i-need').get(
      startOf('what-i-need'),
    )
    expect(english.text).toContain('<bdi>We changed thing 4.</bdi>')
  })

  it('names the survey beside the entry, and records it in the audit', async () => {
    expect((await admin.get(page)).text).toContain('Also shown on the start page of')
    const audit = await fixture.database.db.query<{ details: { after?: { survey?: string } } }>(
      `SELECT details FROM audit_events WHERE action = 'you-said-we-did-added' ORDER BY occurred_at, id LIMIT 1`,
    )
    expect(audit[0]?.details.after?.survey).toBe('what-i-need')
  })
})

describe('the thank-you page', () => {
  it('has no links to a scorecard while none is published', async () => {
    const thanks = await sendAnswers()
    expect(thanks).not.toContain('What changed after people answered before')
    expect(thanks).not.toContain('/latest')
  })

  it('links to the latest scorecard and its "You said, we did" once one is published', async () => {
    const { db } = fixture.database
    const survey = {
      organisationId: fixture.organisation.id,
      surveyId: fixture.surveyIds['what-i-need'] ?? '',
    }
    await insertResponses(db, survey, alikeResponses(12, 'very-important', '2026-07-15T12:00:00+01:00'))
    await startFrameworkFromTemplate(admin)
    const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(published.status).toBe(303)
    await workQueuedRuns(fixture.testApp)
    const thanks = await sendAnswers()
    const latest = paths.publicScorecards.latest(fixture.organisation.slug)
    expect(thanks).toContain('What changed after people answered before')
    expect(thanks).toContain(`href="${latest}#you-said-we-did"`)
    expect(thanks).toContain(`href="${latest}"`)
    const scorecard = await new Respondent(app(), fixture.organisation.slug, 'what-i-need').get(latest)
    expect(scorecard.text).toContain('id="you-said-we-did"')
    expect(scorecard.text).toContain('We changed thing 4.')
  })
})
