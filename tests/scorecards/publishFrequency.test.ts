import request from 'supertest'
import { londonToday } from '../../server/i18n/londonDates'
import { paths } from '../../server/paths'
import { periodContaining, previousPeriod } from '../../server/scorecards/model/periods'
import type { Period, PublishFrequency } from '../../server/scorecards/model/types'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import {
  alikeResponses,
  inputTag,
  linksIn,
  mainHeading,
  startFrameworkFromTemplate,
  visibleText,
} from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'

/*
 * Organisations that publish half-yearly or yearly: the periods offered and published, the public
 * addresses and "latest", and quarters published before a switch, still where they were.
 */
const fixture = useSurveyApp(['what-i-need'])
const today = londonToday()
const lastHalf = previousPeriod(periodContaining('six-monthly', today))
const lastYear = previousPeriod(periodContaining('annual', today))
/** The quarter a period ends with: 2026-Q2 for 2026-H1, 2025-Q4 for 2025. */
const quarterEnding = (period: Period) => periodContaining('quarterly', period.end)

const monthName = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))
/** A period as the pages name it: "January to June 2026", "2025". */
const named = (period: Period) =>
  period.frequency === 'annual'
    ? period.key
    : `${monthName(period.start)} to ${monthName(period.end)} ${period.end.slice(0, 4)}`

interface Council {
  slug: string
  admin: Agent
}

const visitor = () => request(fixture.testApp.app)

/** An organisation with the "I need" framework and "very important" ratings in each of the quarters. */
async function councilWith(slug: string, quarters: Period[]): Promise<Council> {
  const { db } = fixture.database
  const organisation =
    slug === fixture.organisation.slug ? fixture.organisation : await insertOrganisation(db, slug)
  const { surveyId } =
    slug === fixture.organisation.slug
      ? { surveyId: fixture.surveyIds['what-i-need'] ?? '' }
      : await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  const admin = await signedInAs(fixture.testApp.app, db, { organisationId: organisation.id, role: 'admin' })
  await insertResponses(
    db,
    { organisationId: organisation.id, surveyId },
    quarters.flatMap((quarter) => [
      ...alikeResponses(24, 'very-important', `${quarter.start.slice(0, 8)}15T12:00:00Z`),
      ...alikeResponses(8, 'important', `${quarter.start.slice(0, 8)}16T12:00:00Z`),
    ]),
  )
  await startFrameworkFromTemplate(admin)
  return { slug: organisation.slug, admin }
}

async function publishFrequency(council: Council, frequency: PublishFrequency): Promise<void> {
  const page = paths.settings.section('scorecards')
  const saved = await postForm(council.admin, page, page, { publishFrequency: frequency })
  if (saved.status !== 303) throw new Error(`Setting ${frequency} gave ${saved.status}`)
}

/** Asks for a period to be published; the run is worked by the caller. */
const askToPublish = (council: Council, period: string) =>
  postForm(council.admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, { period })

async function publish(council: Council, period: string): Promise<void> {
  const asked = await askToPublish(council, period)
  if (asked.status !== 303) throw new Error(`Publishing ${period} gave ${asked.status}`)
  await workQueuedRuns(fixture.testApp)
}

const openData = async (council: Council, period: string) => {
  const response = await visitor().get(
    period === 'latest'
      ? paths.publicScorecards.latestJson(council.slug)
      : paths.publicScorecards.openData(council.slug, period),
  )
  expect(response.status).toBe(200)
  return response.body as {
    quarter: Period
    outcomes: { indicators: { number: string; period: Period }[] }[]
  }
}

describe('an organisation that publishes half-yearly', () => {
  let council: Council
  const quarter = quarterEnding(lastHalf)

  beforeAll(async () => {
    council = await councilWith(fixture.organisation.slug, [previousPeriod(quarter), quarter])
    await publish(council, quarter.key)
  })

  it('offers only half-years to publish once an admin chooses half-yearly, and refuses a quarter', async () => {
    await publishFrequency(council, 'six-monthly')
    const page = await council.admin.get(paths.manage.scorecardPublish)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Half-year to publish')
    expect(inputTag(page.text, 'period', lastHalf.key)).toContain(' checked')
    expect(() => inputTag(page.text, 'period', previousPeriod(quarter).key)).toThrow()
    const running = periodContaining('six-monthly', today).key
    expect(() => inputTag(page.text, 'period', running)).toThrow()
    for (const period of [previousPeriod(quarter).key, running, '2026-H3', '']) {
      const refused = await askToPublish(council, period)
      expect(refused.status).toBe(400)
      expect(refused.text).toContain(
        '<a href="#period">Choose a half-year that has ended and is not yet published</a>',
      )
    }
    const rows = await fixture.database.db.query('SELECT period FROM scorecard_snapshots')
    expect(rows).toEqual([{ period: quarter.key }])
  })

  it('shows officers the scorecard by half-year, refusing a quarter with 400', async () => {
    const page = await council.admin.get(`${paths.manage.scorecards}?period=${lastHalf.key}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<label class="govuk-label" for="period">Half-year</label>')
    expect(page.text).toContain(`<option value="${lastHalf.key}" selected>${named(lastHalf)}</option>`)
    expect(page.text).not.toContain(`<option value="${quarter.key}"`)
    expect(visibleText(page.text)).toContain(`Each outcome’s indicators for ${named(lastHalf)}`)
    expect(page.text).toContain(`href="/manage/scorecards/downloads/scorecard.csv?period=${lastHalf.key}"`)
    expect((await council.admin.get(`${paths.manage.scorecards}?period=${quarter.key}`)).status).toBe(400)
    const csv = await council.admin.get(
      `${paths.manage.scorecardDownload('scorecard.csv')}?period=${lastHalf.key}`,
    )
    expect(csv.status).toBe(200)
    expect(csv.headers['content-disposition']).toContain(`-scorecard-${lastHalf.key.toLowerCase()}.csv`)
  })

  it('publishes a half-year in the background, at its own address and as the latest', async () => {
    const asked = await askToPublish(council, lastHalf.key)
    expect(asked.status).toBe(303)
    const runPage = String(asked.headers.location)
    expect((await council.admin.get(runPage)).text).toContain(
      `Publishing the scorecard for ${named(lastHalf)}`,
    )
    await workQueuedRuns(fixture.testApp)
    expect(linksIn((await council.admin.get(runPage)).text)).toContainEqual([
      paths.publicScorecards.snapshot(council.slug, lastHalf.key),
      'See the published scorecard',
    ])
    const audit = await fixture.database.db.query(
      `SELECT subject FROM audit_events WHERE action = 'scorecard-published' ORDER BY occurred_at`,
    )
    expect(audit).toEqual([{ subject: quarter.key }, { subject: lastHalf.key }])

    const page = await visitor().get(paths.publicScorecards.snapshot(council.slug, lastHalf.key))
    expect(page.status).toBe(200)
    expect(mainHeading(page.text)).toBe(`Outcome scorecard for ${named(lastHalf)}`)
    const data = await openData(council, lastHalf.key)
    expect(data.quarter).toMatchObject({ key: lastHalf.key, frequency: 'six-monthly' })
    // Each indicator still shows its own period: the quarterly ones, the quarter the half-year ends with.
    const headline = data.outcomes[0]?.indicators.find((each) => each.number === '1.1')
    expect(headline?.period.key).toBe(quarter.key)

    // The quarter and the half-year end together: the one published later is the latest.
    const latest = await visitor().get(paths.publicScorecards.latest(council.slug))
    expect(mainHeading(latest.text)).toBe(`Outcome scorecard for ${named(lastHalf)}`)
    expect((await openData(council, 'latest')).quarter.key).toBe(lastHalf.key)
  })

  it('keeps the quarter published before the switch at its address, and lists both', async () => {
    const page = await visitor().get(paths.publicScorecards.snapshot(council.slug, quarter.key))
    expect(page.status).toBe(200)
    expect(mainHeading(page.text)).toBe(`Outcome scorecard for ${named(quarter)}`)
    const list = await visitor().get(paths.publicScorecards.list(council.slug))
    const links = linksIn(list.text)
    expect(links).toContainEqual([
      paths.publicScorecards.snapshot(council.slug, lastHalf.key),
      named(lastHalf),
    ])
    expect(links).toContainEqual([paths.publicScorecards.snapshot(council.slug, quarter.key), named(quarter)])
    const publishPage = await council.admin.get(paths.manage.scorecardPublish)
    expect(() => inputTag(publishPage.text, 'period', lastHalf.key)).toThrow()
  })
})

describe('an organisation that publishes yearly', () => {
  let council: Council
  const quarter = quarterEnding(lastYear)

  beforeAll(async () => {
    council = await councilWith('yearly-council', [previousPeriod(quarter), quarter])
    await publish(council, quarter.key)
    await publishFrequency(council, 'annual')
  })

  it('offers ended years, and publishes the year asked for even if the frequency changes before the run', async () => {
    const page = await council.admin.get(paths.manage.scorecardPublish)
    expect(page.text).toContain('Year to publish')
    expect(inputTag(page.text, 'period', lastYear.key)).toContain(' checked')
    expect(inputTag(page.text, 'period', previousPeriod(lastYear).key)).toContain('type="radio"')
    expect(() => inputTag(page.text, 'period', periodContaining('annual', today).key)).toThrow()
    const asked = await askToPublish(council, lastYear.key)
    expect(asked.status).toBe(303)
    await publishFrequency(council, 'quarterly')
    await workQueuedRuns(fixture.testApp)
    const response = await visitor().get(paths.publicScorecards.snapshot(council.slug, lastYear.key))
    expect(response.status).toBe(200)
    expect(mainHeading(response.text)).toBe(`Outcome scorecard for ${lastYear.key}`)
  })

  it('is the latest, and shows each indicator’s own period ended by the year’s end', async () => {
    const latest = await visitor().get(paths.publicScorecards.latest(council.slug))
    expect(mainHeading(latest.text)).toBe(`Outcome scorecard for ${lastYear.key}`)
    const data = await openData(council, 'latest')
    expect(data.quarter).toMatchObject({ key: lastYear.key, frequency: 'annual', end: lastYear.end })
    const headline = data.outcomes[0]?.indicators.find((each) => each.number === '1.1')
    expect(headline?.period.key).toBe(quarter.key)
  })

  it('keeps the quarter published before the switch to yearly at its address', async () => {
    await publishFrequency(council, 'annual')
    for (const address of [
      paths.publicScorecards.snapshot(council.slug, quarter.key),
      paths.publicScorecards.embed(council.slug, quarter.key),
      paths.publicScorecards.file(council.slug, quarter.key, 'csv'),
    ])
      expect({ address, status: (await visitor().get(address)).status }).toEqual({ address, status: 200 })
  })

  it('answers 404 for a period not published, not a period, or another organisation’s', async () => {
    const base = `/scorecards/${council.slug}`
    const addresses = [
      paths.publicScorecards.snapshot(council.slug, periodContaining('annual', today).key),
      `${base}/${lastYear.key.slice(0, 4)}-q5`,
      `${base}/${lastYear.key.slice(0, 4)}-h3`,
      `${base}/${lastYear.key.slice(0, 4)}-13`,
      `${base}/${lastYear.key.slice(0, 4)}-10`,
      `${base}/${lastYear.key.slice(0, 4)}-t1`,
      `${base}/${lastYear.key}5`,
      `${base}/${lastYear.key}.docx`,
      paths.publicScorecards.snapshot(council.slug, lastHalf.key),
    ]
    for (const address of addresses)
      expect({ address, status: (await visitor().get(address)).status }).toEqual({ address, status: 404 })
  })
})
