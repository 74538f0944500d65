import { paths } from '../../server/paths'
import { endGroupSessionEarly, openGroupSession } from '../../server/responseLimits/store/openGroupSession'
import { Browser, countIn } from './limitsHelpers'
import { answered, useLimitsFixture, youngPeople } from './limitsFixture'

/** Group sessions from the respondent's side: the link, the code page, and the limits they lift. */
const heard = useLimitsFixture()

describe('group sessions', () => {
  const open = (label: string | null) =>
    openGroupSession(heard.database.db, {
      officer: heard.officer,
      survey: { surveyId: heard.surveyIds['what-i-need'] ?? '', slug: 'what-i-need' },
      label,
      hours: 3,
      now: heard.time.clock(),
    })
  const groupLink = (code: string) => `?group=${code}`

  it('lets a class through its link past the address’s limits and its burst rule, and counts them all', async () => {
    heard.time.advance(10 * 60)
    const session = await open('Year 6 at Oak Primary')
    const page = await new Browser(heard.app, youngPeople(heard), '192.0.2.40').get(
      `${paths.respond.start(heard.organisation.slug, 'what-i-need')}${groupLink(session.code)}`,
    )
    expect(page.text).toContain('You are answering with your group: Year 6 at Oak Primary.')
    const pupils = []
    for (let pupil = 0; pupil < 6; pupil += 1)
      pupils.push(
        await answered(heard, '192.0.2.40', { seconds: 3, variant: pupil, query: groupLink(session.code) }),
      )
    const counted = await countIn(heard.database.db, 'responses')
    for (const pupil of pupils) {
      heard.time.advance(1)
      expect((await pupil.send()).status).toBe(303)
    }
    expect(await countIn(heard.database.db, 'responses')).toBe(counted + 6)
    const activity = await heard.database.db.query<{ group_session_id: string | null }>(
      `SELECT group_session_id FROM response_activity WHERE occurred_at > $1`,
      [new Date(heard.time.clock().getTime() - 5 * 60_000)],
    )
    expect(activity.length).toBe(12)
    expect(activity.every((row) => row.group_session_id === session.id)).toBe(true)
  })

  it('once a session has ended, says its code is not working and applies the limits again', async () => {
    heard.time.advance(10 * 60)
    const session = await open(null)
    const pupils = []
    for (let pupil = 0; pupil < 3; pupil += 1)
      pupils.push(
        await answered(heard, '192.0.2.41', { seconds: 3, variant: pupil, query: groupLink(session.code) }),
      )
    await endGroupSessionEarly(heard.database.db, {
      officer: heard.officer,
      survey: { surveyId: heard.surveyIds['what-i-need'] ?? '', slug: 'what-i-need' },
      code: session.code,
      now: heard.time.clock(),
    })
    const statuses = []
    for (const pupil of pupils) statuses.push((await pupil.send()).status)
    expect(statuses).toEqual([303, 303, 429])

    const late = new Browser(heard.app, youngPeople(heard), '192.0.2.42')
    for (const code of [session.code, 'ZZZZZZ']) {
      const page = await late.get(`${late.startPath}${groupLink(code)}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(
        'This group code is not working. It may have ended. You can still start the survey.',
      )
      expect(page.text).not.toContain('name="group"')
    }
    expect((await late.start(groupLink(session.code))).status).toBe(303)
    const [draft] = await heard.database.db.query<{ group_session_id: string | null }>(
      'SELECT group_session_id FROM drafts ORDER BY started_at DESC LIMIT 1',
    )
    expect(draft).toEqual({ group_session_id: null })
  })

  it('keeps the group when the respondent changes language on the start page', async () => {
    const session = await open('Blwyddyn 6')
    const pupil = new Browser(heard.app, youngPeople(heard), '192.0.2.44')
    await pupil.get(`${pupil.startPath}${groupLink(session.code)}`)
    const welsh = await pupil.get(`${pupil.startPath}?lang=cy`)
    expect(welsh.text).toContain('Rydych chi’n ateb gyda’ch grŵp: Blwyddyn 6.')
    expect(welsh.text).toContain(`name="group" value="${session.code}"`)
  })

  it('puts a draft started before the code was given into the group when it is carried on with the code', async () => {
    heard.time.advance(10 * 60)
    const session = await open(null)
    const pupil = new Browser(heard.app, youngPeople(heard), '192.0.2.43')
    expect((await pupil.start()).status).toBe(303)
    const carryOn = await pupil.start(groupLink(session.code))
    expect(carryOn.status).toBe(303)
    const [draft] = await heard.database.db.query<{ group_session_id: string | null }>(
      'SELECT group_session_id FROM drafts ORDER BY started_at DESC LIMIT 1',
    )
    expect(draft?.group_session_id).toBe(session.id)
  })
})

describe('typing a group code', () => {
  const codePage = () => paths.respond.groupCode(heard.organisation.slug, 'what-i-need')

  it('goes on to the start page with an open session’s code, however it was typed', async () => {
    const session = await openGroupSession(heard.database.db, {
      officer: heard.officer,
      survey: { surveyId: heard.surveyIds['what-i-need'] ?? '', slug: 'what-i-need' },
      label: null,
      hours: 1,
      now: heard.time.clock(),
    })
    const pupil = new Browser(heard.app, youngPeople(heard), '192.0.2.60')
    expect((await pupil.get(codePage())).status).toBe(200)
    const typed = ` ${session.code.slice(0, 3).toLowerCase()} ${session.code.slice(3)} `
    const sent = await pupil.post(codePage(), { code: typed })
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(
      `${paths.respond.start(heard.organisation.slug, 'what-i-need')}?group=${session.code}`,
    )
  })

  it('says plainly what is wrong with a code, keeps what was typed, and writes nothing', async () => {
    const pupil = new Browser(heard.app, youngPeople(heard), '192.0.2.61')
    await pupil.get(codePage())
    const before = {
      drafts: await countIn(heard.database.db, 'drafts'),
      activity: await countIn(heard.database.db, 'response_activity'),
    }
    const short = await pupil.post(codePage(), { code: 'ab<c' })
    expect(short.status).toBe(400)
    expect(short.text).toContain('value="ab&lt;c"')
    expect(short.text).toContain('Type the group code. It has 6 letters and numbers, like 7KQ4MZ.')
    expect(short.text).toContain('href="#code"')
    const unknown = await pupil.post(codePage(), { code: 'ZZZZZZ' })
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('value="ZZZZZZ"')
    expect(unknown.text).toContain('This code is not working. It may have ended.')
    expect(unknown.text).toContain(`href="${paths.respond.start(heard.organisation.slug, 'what-i-need')}"`)
    const nul = await pupil.post(codePage(), { code: 'ABC\u0000DE' })
    expect(nul.status).toBe(400)
    expect(await countIn(heard.database.db, 'drafts')).toBe(before.drafts)
    expect(await countIn(heard.database.db, 'response_activity')).toBe(before.activity)
  })
})
