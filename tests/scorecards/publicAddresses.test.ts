import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020'
import ExcelJS from 'exceljs'
import request from 'supertest'
import type { Database } from '../../server/db/database'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { alikeResponses, downloadBytes, startFrameworkFromTemplate } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { workQueuedRuns } from '../helpers/scorecardRuns'

let database: TestDatabase
let testApp: TestApp
let admin: Agent
let slug: string
/** Queries the public pages made: they read through this, the real database with a count. */
let publicQueries = 0

function counting(db: Database): Database {
  return {
    kind: db.kind,
    query: (sql, params) => {
      publicQueries += 1
      return db.query(sql, params)
    },
    exec: (sql) => db.exec(sql),
    execRows: (sql) => db.execRows(sql),
    transaction: (work) => db.transaction(work),
    close: () => Promise.resolve(),
  }
}

const visitor = () => request(testApp.app)
const latest = () => paths.publicScorecards.latest(slug)
const latestJson = () => paths.publicScorecards.latestJson(slug)

async function publish(period: string): Promise<void> {
  const done = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, { period })
  if (done.status !== 303) throw new Error(`Could not publish ${period}: ${String(done.status)}`)
  await workQueuedRuns(testApp)
}

beforeAll(async () => {
  database = await openTestDatabase()
  const { db } = database
  testApp = await buildTestApp(db, {}, { readDb: counting(db) })
  const organisation = await insertOrganisation(db)
  slug = organisation.slug
  const { surveyId } = await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  admin = await signedInAs(testApp.app, db, { organisationId: organisation.id, role: 'admin' })
  await insertResponses(db, { organisationId: organisation.id, surveyId }, [
    // April to June: 12 of 20. July to September: 30 of 40.
    ...alikeResponses(12, 'very-important', '2026-04-15T12:00:00+01:00'),
    ...alikeResponses(8, 'not-important', '2026-04-16T12:00:00+01:00'),
    ...alikeResponses(30, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(10, 'not-important', '2026-08-15T12:00:00+01:00'),
  ])
  await startFrameworkFromTemplate(admin)
})

afterAll(() => database.drop())

describe('the latest publication, before anything is published', () => {
  it('is a 404 page at every latest address', async () => {
    for (const address of [latest(), `${latest()}/embed`, latestJson(), `${latest()}.pdf`]) {
      const response = await visitor().get(address)
      expect(response.status).toBe(404)
    }
  })
})

describe('the latest publication', () => {
  beforeAll(() => publish('2026-Q2'))

  it('shows the only quarter published, with links to its downloads and the stable address', async () => {
    const page = await visitor().get(latest())
    expect(page.status).toBe(200)
    expect(page.text).toContain('Outcome scorecard for April to June 2026')
    expect(page.text).toContain('60.0%')
    for (const format of ['csv', 'xlsx', 'pdf', 'json'])
      expect(page.text).toContain(`href="/scorecards/${slug}/2026-q2.${format}"`)
    expect(page.text).toContain(`href="/scorecards/${slug}/values.csv"`)
    expect(page.text).toContain(`href="/scorecards/${slug}/latest"`)
    expect(page.headers['cache-control']).toBe('public, max-age=60')
  })

  it('moves to a newer quarter as soon as it is published', async () => {
    const before = await visitor().get(latestJson())
    await publish('2026-Q3')
    const page = await visitor().get(latest())
    expect(page.text).toContain('Outcome scorecard for July to September 2026')
    expect(page.text).toContain('75.0%')
    const after = await visitor().get(latestJson()).set('If-None-Match', String(before.headers.etag))
    expect(after.status).toBe(200)
    expect((after.body as { quarter: { key: string } }).quarter.key).toBe('2026-Q3')
    const embed = await visitor().get(`${latest()}/embed`)
    expect(embed.status).toBe(200)
    expect(embed.text).toContain('outcome scorecard for July to September 2026')
    expect(embed.headers['x-frame-options']).toBeUndefined()
  })

  it('keeps the fixed address of the earlier quarter as it was', async () => {
    const page = await visitor().get(paths.publicScorecards.snapshot(slug, '2026-Q2'))
    expect(page.text).toContain('Outcome scorecard for April to June 2026')
    expect(page.headers['cache-control']).toBe('public, max-age=300')
  })
})

describe('open data', () => {
  it('matches the JSON Schema served beside it', async () => {
    const schemaResponse = await visitor().get(paths.scorecardSchema)
    expect(schemaResponse.status).toBe(200)
    expect(schemaResponse.headers['content-type']).toContain('application/schema+json')
    const schema = JSON.parse(schemaResponse.text) as Record<string, unknown>
    // Formats (date-time) are left to the parse below: the schema's shape is what is checked here.
    const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema)
    for (const address of [latestJson(), paths.publicScorecards.file(slug, '2026-Q2', 'json')]) {
      const data = (await visitor().get(address)).body as Record<string, unknown>
      expect(validate.errors ?? validate(data)).toBe(true)
      expect(data.$schema).toBe(`${testApp.config.baseUrl}${paths.scorecardSchema}`)
      expect(Number.isNaN(Date.parse(String(data.publishedAt)))).toBe(false)
    }
    const broken = { ...((await visitor().get(latestJson())).body as object), format: 2 }
    expect(validate(broken)).toBe(false)
  })

  it('may be read by scripts on any site, and asked whether it has changed', async () => {
    const read = await visitor().get(latestJson()).set('Origin', 'https://localoffer.example')
    expect(read.headers['access-control-allow-origin']).toBe('*')
    expect(read.headers['access-control-expose-headers']).toBe('ETag')
    const preflight = await visitor()
      .options(latestJson())
      .set('Origin', 'https://localoffer.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'If-None-Match')
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(preflight.headers['access-control-allow-headers']).toBe('If-None-Match')
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD')
    const schema = await visitor().get(paths.scorecardSchema).set('Origin', 'https://localoffer.example')
    expect(schema.headers['access-control-allow-origin']).toBe('*')
  })

  it('gives every published value over time as one CSV, each period as first published', async () => {
    const csv = await visitor().get(paths.publicScorecards.openDataCsv(slug))
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['access-control-allow-origin']).toBe('*')
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'organisation,outcome,indicator,wording,kind,unit,good_is,frequency,period,value,denominator,interval_lower,interval_upper,withheld,first_published_in,published_at,england_value,england_comparison,region_value,region_comparison,neighbours_value,neighbours_comparison',
    )
    const of = (indicator: string, period: string) =>
      lines.filter((line) => line.split(',')[2] === indicator && line.includes(`,${period},`))
    // Across all outcomes: 12 of 20 answers to each of six statements, then 30 of 40.
    expect(of('7.1', '2026-Q2')).toEqual([
      expect.stringMatching(/,2026-Q2,60,120,[\d.]+,[\d.]+,false,2026-Q2,/),
    ])
    expect(of('7.1', '2026-Q3')).toEqual([
      expect.stringMatching(/,2026-Q3,75,240,[\d.]+,[\d.]+,false,2026-Q3,/),
    ])
    // One statement in April to June: 8 said "not important", too few to show, so all of it is withheld.
    expect(of('1.1', '2026-Q2')).toEqual([expect.stringMatching(/,2026-Q2,,,,,true,2026-Q2,/)])
    // Each indicator and period once, from the snapshot that first published it.
    const keys = lines
      .slice(1)
      .map((line) => `${line.split(',')[2] ?? ''} ${line.match(/,(\d{4}-Q\d),/)?.[1] ?? ''}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('answering "has it changed?" without the database', () => {
  it.each([
    ['the latest page', () => latest()],
    ['the latest embed', () => `${latest()}/embed`],
    ['latest.json', () => latestJson()],
    ['a fixed period', () => paths.publicScorecards.snapshot(slug, '2026-Q2')],
    ['a fixed period as PDF', () => paths.publicScorecards.file(slug, '2026-Q2', 'pdf')],
    ['every value over time', () => paths.publicScorecards.openDataCsv(slug)],
  ])('sends 304 for %s with no query at all', async (_, address) => {
    const first = await visitor().get(address())
    expect(first.status).toBe(200)
    const etag = String(first.headers.etag)
    expect(etag).toMatch(/^W\/".+"$/)
    const queriesBefore = publicQueries
    const again = await visitor().get(address()).set('If-None-Match', etag)
    expect(again.status).toBe(304)
    expect(again.headers.etag).toBe(etag)
    expect([undefined, '']).toContain(again.text)
    expect(publicQueries).toBe(queriesBefore)
  })

  it('sends a page again from memory, with no query, to a visitor who has not seen it', async () => {
    const first = await visitor().get(latest())
    const queriesBefore = publicQueries
    const again = await visitor().get(latest())
    expect(again.status).toBe(200)
    expect(again.text).toBe(first.text)
    expect(again.headers.etag).toBe(first.headers.etag)
    expect(again.headers['content-type']).toBe('text/html; charset=utf-8')
    // Nothing personal, so a shared cache may keep it.
    expect(first.headers['set-cookie']).toBeUndefined()
    expect(again.headers['set-cookie']).toBeUndefined()
    const pdf = await downloadBytes(visitor(), `${latest()}.pdf`)
    const pdfAgain = await downloadBytes(visitor(), `${latest()}.pdf`)
    expect(pdfAgain.headers['content-disposition']).toBe(pdf.headers['content-disposition'])
    expect(pdfAgain.headers['content-type']).toBe('application/pdf')
    expect(publicQueries).toBe(queriesBefore + 2)
  })

  it('answers each language with its own tag', async () => {
    const english = await visitor().get(latest())
    const welsh = await visitor().get(`${latest()}?lang=cy`)
    expect(welsh.text).toContain('lang="cy"')
    expect(welsh.headers.etag).not.toBe(english.headers.etag)
    expect(welsh.headers.vary).toContain('Cookie')
    const asked = await visitor()
      .get(`${latest()}?lang=cy`)
      .set('If-None-Match', String(english.headers.etag))
    expect(asked.status).toBe(200)
  })
})

describe('downloads of a published scorecard', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-public-scorecard-'))
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it('gives the PDF for boards, named for the organisation and the period', async () => {
    const response = await downloadBytes(visitor(), `${latest()}.pdf`)
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toBe(`attachment; filename=${slug}-scorecard-latest.pdf`)
    const file = path.join(folder, 'latest.pdf')
    fs.writeFileSync(file, response.body as Buffer)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Outcome scorecard')
    expect(text).toContain('Quarter: July to September 2026')
    expect(text).toContain('75.0%')
  })

  it('gives the workbook and the CSV officers download, in the reader’s language', async () => {
    const xlsx = await downloadBytes(visitor(), paths.publicScorecards.file(slug, '2026-Q3', 'xlsx'))
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename=${slug}-scorecard-2026-q3.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer)
    expect(workbook.worksheets.length).toBeGreaterThan(0)
    const csv = await visitor().get(`${paths.publicScorecards.file(slug, '2026-Q3', 'csv')}?lang=cy`)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.text).toContain(
      '2026-Q3,Gorffennaf i Medi 2026,2026-07-01,2026-09-30,75,40,30,40,59.8,85.8,no',
    )
  })
})

describe('addresses that are not one', () => {
  it.each([
    ['an organisation that does not exist', '/scorecards/nobody-here/latest'],
    ['a period that is not one', '/scorecards/SLUG/2026-q9'],
    ['a period not published', '/scorecards/SLUG/2026-q1'],
    ['a format there is not', '/scorecards/SLUG/latest.docx'],
    ['a word that is not a period', '/scorecards/SLUG/newest'],
    ['an embed of a file', '/scorecards/SLUG/latest.json/embed'],
    ['a file of an unpublished period', '/scorecards/SLUG/2025-q4.pdf'],
  ])('is a 404 page for %s', async (_, address) => {
    const response = await visitor().get(address.replace('SLUG', slug))
    expect(response.status).toBe(404)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.text).toContain('Page not found')
  })

  it('is a 404 for another organisation’s scorecard, as for one that does not exist', async () => {
    const other = await insertOrganisation(database.db)
    const response = await visitor().get(paths.publicScorecards.latest(other.slug))
    expect(response.status).toBe(404)
  })
})
