import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createExportLimiter } from '../../server/exports/exportLimits'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { addOfficer } from '../helpers/officers'
import { alikeResponses } from '../helpers/scorecards'
import { buildTestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { HttpBrowser } from '../scale/httpBrowser'
import { startStalledDownload, type StalledDownload } from './stalledDownload'

const database = useTestDatabase()
// One export per officer and two in all, so both limits can be met with two officers.
const limiter = createExportLimiter({ perOfficer: 1, atOnce: 2 })
let server: Server
let base = ''
let organisation: { id: string; slug: string }
let first: HttpBrowser
let second: HttpBrowser
let third: HttpBrowser

const responsesCsv = paths.manage.download('what-i-need', 'responses.csv')
const summaryCsv = paths.manage.download('what-i-need', 'summary.csv')
const scorecardCsv = `${paths.manage.scorecardDownload('scorecard.csv')}?period=2026-Q3`
const stalled: StalledDownload[] = []

beforeAll(async () => {
  const { db } = database
  const { app } = await buildTestApp(
    db,
    { exports: { perOfficer: 1, atOnce: 2 } },
    { exportLimiter: limiter },
  )
  organisation = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  await insertResponses(
    db,
    { organisationId: organisation.id, surveyId },
    alikeResponses(4000, 'important', '2026-07-15T12:00:00+01:00'),
  )
  // About 80 MB of CSV: more than the connection can hold, so an unread download keeps streaming.
  await db.query(
    `UPDATE responses SET answers = jsonb_set(answers, '{life-better}', to_jsonb(repeat('A quiet room at lunch. ', 900)))
      WHERE organisation_id = $1`,
    [organisation.id],
  )
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const signedIn = async () => {
    const officer = new HttpBrowser([base])
    await officer.signIn(db, await addOfficer(db, organisation.id, 'analyst'))
    return officer
  }
  ;[first, second, third] = [await signedIn(), await signedIn(), await signedIn()]
}, 120_000)

afterEach(async () => {
  for (const download of stalled.splice(0)) download.abandon()
  await limiter.whenIdle()
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const stall = async (officer: HttpBrowser) => {
  const download = await startStalledDownload(`${base}${responsesCsv}`, officer.cookies.header)
  stalled.push(download)
  return download
}

async function expectBusyPage(response: Response, heading: string) {
  const html = await response.text()
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('60')
  expect(html).toContain(heading)
  expect(html).not.toContain('<script')
}

describe('export limits', () => {
  it('refuses a second export by the same officer while the first is streaming', async () => {
    const running = await stall(first)
    expect(running.status).toBe(200)
    expect(limiter.running()).toBe(1)
    await expectBusyPage(await first.get(summaryCsv), 'Downloads are busy, try again in a minute')
    await expectBusyPage(await first.get(scorecardCsv), 'Downloads are busy')
    // Another officer is under both limits.
    const other = await second.get(summaryCsv)
    expect(other.status).toBe(200)
    await other.arrayBuffer()
  })

  it('refuses everyone once the exports running in all reach the limit', async () => {
    await stall(first)
    await stall(second)
    expect(limiter.running()).toBe(2)
    await expectBusyPage(await third.get(summaryCsv), 'Downloads are busy')
  })

  it('shows the busy page in the officer’s language', async () => {
    await stall(first)
    const welsh = await first.get(`${summaryCsv}?lang=cy`)
    await expectBusyPage(welsh, 'rhowch gynnig arall arni ymhen munud')
  })

  it('keeps respondent pages answering while exports stream', async () => {
    await stall(first)
    await stall(second)
    const start = await fetch(`${base}${paths.respond.start(organisation.slug, 'what-i-need')}`)
    expect(start.status).toBe(200)
    await start.arrayBuffer()
  })

  it('frees the slot when a download is abandoned half-way', async () => {
    const running = await stall(first)
    running.abandon()
    await limiter.whenIdle()
    expect(limiter.running()).toBe(0)
    const again = await first.get(summaryCsv)
    expect(again.status).toBe(200)
    await again.arrayBuffer()
  })

  it('frees the slot when an export completes, and after a refused one', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const done = await first.get(summaryCsv)
      expect(done.status).toBe(200)
      await done.arrayBuffer()
      await limiter.whenIdle()
    }
    const refused = await first.get(paths.manage.download('no-such-survey', 'summary.csv'))
    expect(refused.status).toBe(404)
    await refused.arrayBuffer()
    await limiter.whenIdle()
    expect(limiter.running()).toBe(0)
  })
})
