import request from 'supertest'
import { paths } from '../../server/paths'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { alikeResponses, startFrameworkFromTemplate, visibleText } from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let admin: Agent
let viewer: Agent
const page = paths.manage.scorecardTranslations
const visitor = () => request(fixture.testApp.app)

const ids = { listenedTo: '', entry: '', indicator: '' }

const storedTranslations = () =>
  fixture.database.db.query<{ subject: string; subject_id: string; language: string; text: string }>(
    'SELECT subject, subject_id, language, text FROM text_translations ORDER BY subject, subject_id, language',
  )

/** Posts the translations form as a browser does: every box the page has, with these filled in. */
async function saveWelsh(agent: Agent, texts: Record<string, string>, language = 'cy') {
  const form = await agent.get(`${page}?language=${language === 'cy' || language === 'ur' ? language : 'cy'}`)
  const boxes = [...form.text.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)]
  const fields = Object.fromEntries(boxes.map((match) => [match[1] ?? '', match[2] ?? '']))
  return agent
    .post(page)
    .type('form')
    .send({ ...fields, ...texts, language, _csrf: csrfTokenIn(form.text) })
}

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst' })
  admin = await signedInAs(app, db, { organisationId, role: 'admin' })
  viewer = await signedInAs(app, db, { organisationId, role: 'viewer' })
  await insertResponses(db, { organisationId, surveyId: fixture.surveyIds['what-i-need'] ?? '' }, [
    ...alikeResponses(30, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-08-15T12:00:00+01:00'),
  ])
  await startFrameworkFromTemplate(analyst)
  const added = await postForm(
    admin,
    paths.manage.scorecardYouSaidWeDid,
    paths.manage.scorecardYouSaidWeDid,
    {
      youSaid: 'There is nothing to do in the holidays.',
      weDid: 'We paid for three holiday clubs.',
      survey: 'what-i-need',
    },
  )
  if (added.status !== 303) throw new Error(`Adding "You said, we did" gave ${added.status}`)
  const [outcome] = await db.query<{ id: string }>(`SELECT id FROM outcomes WHERE slug = 'listened-to'`)
  const [entry] = await db.query<{ id: string }>('SELECT id FROM you_said_we_did')
  const [indicator] = await db.query<{ id: string }>(`SELECT id FROM indicators WHERE number = '1.1'`)
  ids.listenedTo = outcome?.id ?? ''
  ids.entry = entry?.id ?? ''
  ids.indicator = indicator?.id ?? ''
})

describe('the translations page', () => {
  it('lists every officer text with its English, marking each one with no Welsh', async () => {
    const form = await analyst.get(page)
    expect(form.status).toBe(200)
    const text = visibleText(form.text)
    expect(text).toContain('Scorecard words in Cymraeg')
    // Six outcomes, their suggested indicators and the overall headline, and both sides of the entry.
    const boxes = form.text.match(/<textarea\b/g) ?? []
    expect(boxes.length).toBeGreaterThan(10)
    expect(text).toContain(`${boxes.length} texts have no Cymraeg yet.`)
    expect((form.text.match(/govuk-tag--yellow">Missing</g) ?? []).length).toBe(boxes.length)
    expect(text).toContain('Outcome 1 Missing In English: I need to be listened to and heard.')
    expect(form.text).toContain(`name="outcome:${ids.listenedTo}"`)
    expect(form.text).toContain('lang="cy" dir="ltr"')
    // The other language the surveys are offered in, with its own count.
    expect(form.text).toContain(`href="${page}?language=ur"`)
    const summary = visibleText((await analyst.get(paths.manage.scorecards)).text)
    expect(summary).toContain('Some scorecard words are not translated yet.')
    expect(summary).toMatch(new RegExp(`Cymraeg ?: ${boxes.length} missing`))
  })

  it('saves the Welsh, audited, and counts what is still missing', async () => {
    const saved = await saveWelsh(analyst, {
      [`outcome:${ids.listenedTo}`]: 'Mae angen i mi gael fy ngwrando a’m clywed.',
      [`you-said:${ids.entry}`]: 'Does dim byd i’w wneud yn y gwyliau.',
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(`${page}?language=cy&saved=1`)
    expect(await storedTranslations()).toEqual([
      {
        subject: 'outcome',
        subject_id: ids.listenedTo,
        language: 'cy',
        text: 'Mae angen i mi gael fy ngwrando a’m clywed.',
      },
      {
        subject: 'you-said',
        subject_id: ids.entry,
        language: 'cy',
        text: 'Does dim byd i’w wneud yn y gwyliau.',
      },
    ])
    const [audit] = await fixture.database.db.query<{
      subject: string
      details: { before: unknown; after: unknown }
    }>(`SELECT subject, details FROM audit_events WHERE action = 'translations-changed'`)
    expect(audit).toEqual({
      subject: 'cy',
      details: expect.objectContaining({
        before: { [`outcome:${ids.listenedTo}`]: null, [`you-said:${ids.entry}`]: null },
        after: {
          [`outcome:${ids.listenedTo}`]: 'Mae angen i mi gael fy ngwrando a’m clywed.',
          [`you-said:${ids.entry}`]: 'Does dim byd i’w wneud yn y gwyliau.',
        },
      }) as unknown,
    })
    const after = await analyst.get(saved.headers.location as string)
    const boxes = (after.text.match(/<textarea\b/g) ?? []).length
    expect(visibleText(after.text)).toContain(`${boxes - 2} texts have no Cymraeg yet.`)
    expect(after.text).toContain('Mae angen i mi gael fy ngwrando a’m clywed.</textarea>')
  })

  it('refuses a text longer than its English may be, keeping everything typed and saving nothing', async () => {
    const before = await storedTranslations()
    const long = 'Gair '.repeat(41).trim()
    const refused = await saveWelsh(analyst, {
      [`outcome:${ids.listenedTo}`]: long,
      [`we-did:${ids.entry}`]: 'Fe wnaethon ni dalu am dri chlwb gwyliau.',
    })
    expect(refused.status).toBe(400)
    expect(visibleText(refused.text)).toContain('There is a problem')
    expect(visibleText(refused.text)).toContain('Outcome 1 in Cymraeg must be 200 characters or fewer')
    expect(refused.text).toContain(`href="#text-outcome-${ids.listenedTo}"`)
    expect(refused.text).toContain(`${long}</textarea>`)
    expect(refused.text).toContain('Fe wnaethon ni dalu am dri chlwb gwyliau.</textarea>')
    expect(await storedTranslations()).toEqual(before)
  })

  it('shows the English again when a translation is emptied', async () => {
    const saved = await saveWelsh(analyst, { [`you-said:${ids.entry}`]: '   ' })
    expect(saved.status).toBe(303)
    expect((await storedTranslations()).map((each) => each.subject)).toEqual(['outcome'])
    // Put back for the pages below.
    await saveWelsh(analyst, { [`you-said:${ids.entry}`]: 'Does dim byd i’w wneud yn y gwyliau.' })
  })

  it('answers a language the organisation does not use with 404, and refuses a viewer', async () => {
    expect((await analyst.get(`${page}?language=fr`)).status).toBe(404)
    expect((await analyst.get(`${page}?language=en`)).status).toBe(404)
    const before = await storedTranslations()
    expect((await saveWelsh(analyst, { [`outcome:${ids.listenedTo}`]: 'Bonjour' }, 'fr')).status).toBe(404)
    expect((await viewer.get(page)).status).toBe(403)
    expect(await storedTranslations()).toEqual(before)
  })
})

describe('translated words where families read them', () => {
  beforeAll(async () => {
    const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    if (published.status !== 303) throw new Error(`Publishing gave ${published.status}`)
    await workQueuedRuns(fixture.testApp)
  })

  it('shows the Welsh on the Welsh scorecard, and the English, marked as English, where there is none', async () => {
    const slug = fixture.organisation.slug
    const welsh = await visitor().get(paths.publicScorecards.latest(slug)).query({ lang: 'cy' })
    expect(welsh.status).toBe(200)
    expect(welsh.text).toContain('<html lang="cy"')
    expect(welsh.text).toContain('<bdi>Mae angen i mi gael fy ngwrando a’m clywed.</bdi>')
    expect(welsh.text).toContain('<bdi>Does dim byd i’w wneud yn y gwyliau.</bdi>')
    expect(welsh.text).toContain('<bdi lang="en" dir="ltr">We paid for three holiday clubs.</bdi>')
    expect(welsh.text).toContain('<bdi lang="en" dir="ltr">I need to be the healthiest I can be.</bdi>')
    const english = await visitor().get(paths.publicScorecards.latest(slug)).query({ lang: 'en' })
    expect(english.text).toContain('<bdi>I need to be listened to and heard.</bdi>')
    expect(english.text).not.toContain('Mae angen i mi')
    // Urdu has no translations: every officer text is English, marked so, on a right-to-left page.
    const urdu = await visitor().get(paths.publicScorecards.latest(slug)).query({ lang: 'ur' })
    expect(urdu.text).toContain('<bdi lang="en" dir="ltr">I need to be listened to and heard.</bdi>')
    const easyRead = await visitor()
      .get(paths.publicScorecards.easyRead(slug, 'latest'))
      .query({ lang: 'cy' })
    expect(easyRead.text).toContain('<bdi>Mae angen i mi gael fy ngwrando a’m clywed.</bdi>')
  })

  it('shows the Welsh "You said" on the survey’s Welsh start page', async () => {
    const start = await visitor()
      .get(paths.respond.start(fixture.organisation.slug, 'what-i-need'))
      .query({ lang: 'cy' })
    expect(start.text).toContain('<bdi>Does dim byd i’w wneud yn y gwyliau.</bdi>')
    expect(start.text).toContain('<bdi lang="en" dir="ltr">We paid for three holiday clubs.</bdi>')
  })
})
