import { paths } from '../../server/paths'
import { buildTestApp } from '../helpers/testApp'
import { Browser, countIn, limitsConfig } from './limitsHelpers'
import { answered, rowsFor, small, useLimitsFixture, youngPeople } from './limitsFixture'

/** The respondent's side of the limits and the holding rules, with small limits and a fake clock. */
const heard = useLimitsFixture()

/** Starts "What I need" from 192.0.2.1 as someone reading in this language: its start page, then the button. */
async function startIn(language: string) {
  const browser = new Browser(heard.app, youngPeople(heard), '192.0.2.1')
  await browser.get(`${browser.startPath}?lang=${language}`)
  return browser.start()
}

describe('limits on starting', () => {
  it('refuses the start past the limit with 429 and Retry-After, in easy read, and writes nothing', async () => {
    for (let start = 0; start < small.startsPerWindow; start += 1)
      expect((await new Browser(heard.app, youngPeople(heard), '192.0.2.1').start()).status).toBe(303)
    const drafts = await countIn(heard.database.db, 'drafts')
    const activity = await countIn(heard.database.db, 'response_activity')
    const refused = await new Browser(heard.app, youngPeople(heard), '192.0.2.1').start()
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('600')
    expect(refused.text).toContain('Many people started this survey here just now.')
    expect(refused.text).toContain('Please wait 10 minutes. Then try again.')
    expect(refused.text).toContain(paths.respond.groupCode(heard.organisation.slug, 'what-i-need'))
    expect(await countIn(heard.database.db, 'drafts')).toBe(drafts)
    expect(await countIn(heard.database.db, 'response_activity')).toBe(activity)
  })

  it('says so in Welsh and in Urdu, right to left, and in plain words on a parent carers’ survey', async () => {
    const inWelsh = await startIn('cy')
    expect(inWelsh.status).toBe(429)
    expect(inWelsh.text).toContain('lang="cy"')
    expect(inWelsh.text).toContain('Arhoswch 10 munud. Yna rhowch gynnig arall arni.')
    const inUrdu = await startIn('ur')
    expect(inUrdu.status).toBe(429)
    expect(inUrdu.text).toContain('dir="rtl"')
    expect(inUrdu.text).toContain('براہ کرم 10 منٹ انتظار کریں۔')
    const parent = await new Browser(
      heard.app,
      { organisation: heard.organisation.slug, slug: 'ehcp-experience' },
      '192.0.2.1',
    ).start()
    expect(parent.status).toBe(429)
    expect(parent.text).toContain('A lot of people have started this survey from your internet connection')
  })

  it('limits each address on its own, and lets it start again once the window has passed', async () => {
    expect((await new Browser(heard.app, youngPeople(heard), '192.0.2.2').start()).status).toBe(303)
    heard.time.advance(10 * 60 + 1)
    expect((await new Browser(heard.app, youngPeople(heard), '192.0.2.1').start()).status).toBe(303)
  })
})

describe('limits on sending', () => {
  it('refuses the send past the limit with 429, keeps the draft, and a later send works', async () => {
    const browsers = [
      await answered(heard, '192.0.2.10', { seconds: 3, variant: 1 }),
      await answered(heard, '192.0.2.10', { seconds: 3, variant: 2 }),
      await answered(heard, '192.0.2.10', { seconds: 3, variant: 3 }),
    ]
    for (const browser of browsers.slice(0, 2)) expect((await browser.send()).status).toBe(303)
    const last = browsers[2] as Browser
    const counted = await countIn(heard.database.db, 'responses')
    const drafts = await countIn(heard.database.db, 'drafts')
    const refused = await last.send()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.text).toContain('Your answers are saved. You have not lost anything.')
    expect(refused.text).toContain(paths.respond.checkAnswers(heard.organisation.slug, 'what-i-need'))
    expect(await countIn(heard.database.db, 'responses')).toBe(counted)
    expect(await countIn(heard.database.db, 'drafts')).toBe(drafts)

    // The check answers page still has every answer; later, sending works.
    expect((await last.get(paths.respond.checkAnswers(heard.organisation.slug, 'what-i-need'))).status).toBe(
      200,
    )
    heard.time.advance(Number(refused.headers['retry-after']))
    expect((await last.send()).status).toBe(303)
    const reference = await last.reference()
    expect(await rowsFor(heard, 'responses', reference)).toHaveLength(1)
    expect(await countIn(heard.database.db, 'drafts')).toBe(drafts - 1)
  })
})

describe('limits across servers', () => {
  it('lets through exactly the limit when sends from one address arrive at two servers at once', async () => {
    heard.time.advance(10 * 60)
    const other = (await buildTestApp(heard.database.db, limitsConfig(small), { clock: heard.time.clock }))
      .app
    const drafts: Browser[] = []
    for (let person = 0; person < small.startsPerWindow; person += 1)
      drafts.push(
        await answered(heard, '192.0.2.12', {
          seconds: 3,
          variant: person,
          app: person % 2 ? other : heard.app,
        }),
      )
    for (const browser of drafts)
      await browser.get(paths.respond.checkAnswers(heard.organisation.slug, 'what-i-need'))
    const before = await countIn(heard.database.db, 'responses')
    const submit = paths.respond.submit(heard.organisation.slug, 'what-i-need')
    const statuses = await Promise.all(drafts.map(async (browser) => (await browser.post(submit)).status))
    expect(statuses.filter((status) => status === 303)).toHaveLength(small.submitsPerWindow)
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      small.startsPerWindow - small.submitsPerWindow,
    )
    expect(await countIn(heard.database.db, 'responses')).toBe(before + small.submitsPerWindow)
  })
})

describe('holding what looks automated', () => {
  it('holds a response sent faster than the pages can be read, with the same thank-you and reference', async () => {
    const browser = await answered(heard, '192.0.2.20')
    const sent = await browser.send()
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(paths.respond.confirmation(heard.organisation.slug, 'what-i-need'))
    const reference = await browser.reference()
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect(await rowsFor(heard, 'responses', reference)).toHaveLength(0)
    const [held] = await rowsFor(heard, 'held_responses', reference)
    expect(held?.hold_reasons).toEqual(['too-fast'])

    // Sending again, or going back, shows the same confirmation and stores nothing more.
    const again = await browser.send()
    expect(again.headers.location).toBe(paths.respond.confirmation(heard.organisation.slug, 'what-i-need'))
    expect(await browser.reference()).toBe(reference)
    expect(await rowsFor(heard, 'held_responses', reference)).toHaveLength(1)
  })

  it('stores one held row when the same draft is sent many times at once, and none in responses', async () => {
    heard.time.advance(10 * 60)
    const browser = await answered(heard, '192.0.2.21')
    await browser.get(paths.respond.checkAnswers(heard.organisation.slug, 'what-i-need'))
    const before = {
      counted: await countIn(heard.database.db, 'responses'),
      held: await countIn(heard.database.db, 'held_responses'),
    }
    const submit = paths.respond.submit(heard.organisation.slug, 'what-i-need')
    const results = await Promise.all(Array.from({ length: 8 }, () => browser.post(submit)))
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(303))
    expect(await countIn(heard.database.db, 'held_responses')).toBe(before.held + 1)
    expect(await countIn(heard.database.db, 'responses')).toBe(before.counted)
    const reference = await browser.reference()
    expect(await rowsFor(heard, 'held_responses', reference)).toHaveLength(1)
  })

  it('holds the same answers sent again and again, and a burst from one address, but not people at their own pace', async () => {
    heard.time.advance(10 * 60)
    const send = async (browsers: Browser[], secondsApart: number) => {
      const references = []
      for (const browser of browsers) {
        heard.time.advance(secondsApart)
        expect((await browser.send()).status).toBe(303)
        references.push(await browser.reference())
      }
      return Promise.all(
        references.map(async (reference) => ({
          counted: (await rowsFor(heard, 'responses', reference)).length,
          held: (await rowsFor(heard, 'held_responses', reference))[0]?.hold_reasons,
        })),
      )
    }
    const copies = []
    for (let copy = 0; copy < 3; copy += 1)
      copies.push(await answered(heard, '192.0.2.30', { seconds: 3, variant: 7, app: heard.wide }))
    expect(await send(copies, 1)).toEqual([
      { counted: 1, held: undefined },
      { counted: 1, held: undefined },
      { counted: 0, held: ['repeated-answers'] },
    ])
    const burst = []
    for (let person = 0; person < 4; person += 1)
      burst.push(await answered(heard, '192.0.2.31', { seconds: 3, variant: person, app: heard.wide }))
    expect((await send(burst, 1)).map((result) => result.held)).toEqual([
      undefined,
      undefined,
      undefined,
      ['burst'],
    ])
    const ownPace = []
    for (let person = 0; person < 4; person += 1)
      ownPace.push(await answered(heard, '192.0.2.32', { seconds: 3, variant: 7, app: heard.wide }))
    expect((await send(ownPace, 61)).map((result) => result.counted)).toEqual([1, 1, 1, 1])
  })
})
