import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { paths } from '../../server/paths'
import { parseCsv } from '../exports/parseCsv'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import {
  alikeResponses,
  downloadBytes,
  startFrameworkFromTemplate,
  iNeedStatements,
} from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'
import { workQueuedRuns } from '../helpers/scorecardRuns'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let viewer: Agent
const secretWords = 'My secret words'
const download = (file: string, period = '2026-Q3') =>
  `${paths.manage.scorecardDownload(file)}?period=${period}`

const statements = iNeedStatements

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  const organisationId = fixture.organisation.id
  analyst = await signedInAs(app, db, { organisationId, role: 'analyst', email: 'analyst@council.example' })
  viewer = await signedInAs(app, db, { organisationId, role: 'viewer', email: 'viewer@council.example' })
  const surveyId = fixture.surveyIds['what-i-need'] ?? ''
  await insertResponses(db, { organisationId, surveyId }, [
    ...alikeResponses(10, 'very-important', '2026-04-15T12:00:00+01:00'),
    ...alikeResponses(10, 'important', '2026-04-16T12:00:00+01:00'),
    ...alikeResponses(39, 'very-important', '2026-07-15T12:00:00+01:00'),
    ...alikeResponses(1, 'very-important', '2026-07-15T13:00:00+01:00', { 'life-better': secretWords }),
    ...alikeResponses(10, 'important', '2026-08-15T12:00:00+01:00'),
  ])
  await startFrameworkFromTemplate(analyst)
  const done = await postForm(analyst, paths.manage.scorecards, paths.manage.scorecardRecompute, {
    period: '2026-Q3',
  })
  if (done.status !== 303) throw new Error(`Recalculating gave ${done.status}`)
  await workQueuedRuns(fixture.testApp)
})

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-scorecard-pdf-'))
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

/** The PDF's text as poppler's pdftotext reads it, with runs of space and line breaks made one space. */
function pdfText(pdf: Buffer): string {
  const file = path.join(folder, 'scorecard.pdf')
  fs.writeFileSync(file, pdf)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

const downloads = async () =>
  fixture.database.db.query<{ actor: string; subject: string; details: unknown }>(
    `SELECT actor, subject, details FROM audit_events WHERE action = 'downloaded' ORDER BY occurred_at, subject`,
  )

describe('scorecard downloads', () => {
  it('offers the three downloads for the quarter shown', async () => {
    const page = await viewer.get(`${paths.manage.scorecards}?period=2026-Q3`)
    expect(page.text).toContain('href="/manage/scorecards/downloads/scorecard.csv?period=2026-Q3"')
    expect(page.text).toContain('href="/manage/scorecards/downloads/scorecard.xlsx?period=2026-Q3"')
    expect(page.text).toContain('href="/manage/scorecards/downloads/scorecard.pdf?period=2026-Q3"')
  })

  it('gives a CSV with a byte-order mark and one line per indicator per period', async () => {
    const response = await downloadBytes(viewer, download('scorecard.csv'))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename=${fixture.organisation.slug}-scorecard-2026-q3.csv`,
    )
    expect(response.headers['cache-control']).toBe('no-store')
    const text = (response.body as Buffer).toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text).not.toContain(secretWords)
    const [headings, ...records] = parseCsv(text.slice(1))
    expect(headings?.slice(0, 3)).toEqual(['Outcome', 'Indicator number', 'Indicator'])
    // Seven indicators, each with the eight quarters ending July to September 2026.
    expect(records).toHaveLength(7 * 8)
    const column = (name: string) => headings?.indexOf(name) ?? -1
    const line = (number: string, period: string) => {
      const found = records.filter(
        (record) => record[column('Indicator number')] === number && record[column('Period')] === period,
      )
      expect(found).toHaveLength(1)
      const [record] = found
      return Object.fromEntries((headings ?? []).map((heading, index) => [heading, record?.[index]]))
    }
    expect(line('1.1', '2026-Q3')).toMatchObject({
      Outcome: 'I need to be listened to and heard.',
      'Period label': 'July to September 2026',
      'Period start': '2026-07-01',
      'Period end': '2026-09-30',
      Value: '80',
      n: '50',
      Numerator: '40',
      Denominator: '50',
      '95% interval lower': '67',
      '95% interval upper': '88.8',
      Suppressed: 'no',
      RAG: 'No target',
      Trend: 'Improving',
      Change: '30',
    })
    expect(line('1.1', '2026-Q2')).toMatchObject({
      Value: '50',
      n: '20',
      Suppressed: 'no',
      RAG: '',
      Trend: '',
    })
    expect(line('7.1', '2026-Q3')).toMatchObject({
      Outcome: 'Across all outcomes',
      Numerator: '240',
      Denominator: '300',
    })
    expect(line('1.1', '2024-Q4')).toMatchObject({ Value: '', n: '', Suppressed: 'no' })
  })

  it('gives the same lines as an Excel workbook, figures as numbers', async () => {
    const response = await downloadBytes(analyst, download('scorecard.xlsx'))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Scorecard', 'About'])
    const sheet = workbook.getWorksheet('Scorecard')
    expect(sheet?.rowCount).toBe(1 + 7 * 8)
    const headings = (sheet?.getRow(1).values as unknown[]).slice(1)
    const rows = Array.from({ length: 7 * 8 }, (_, index) =>
      (sheet?.getRow(index + 2).values as unknown[]).slice(1),
    )
    const cell = (row: unknown[] | undefined, name: string) => row?.[headings.indexOf(name)]
    const current = rows.find(
      (row) => cell(row, 'Indicator number') === '1.1' && cell(row, 'Period') === '2026-Q3',
    )
    expect(cell(current, 'Value')).toBe(80)
    expect(cell(current, 'Numerator')).toBe(40)
    expect(cell(current, 'Denominator')).toBe(50)
    expect(cell(current, 'Outcome')).toBe('I need to be listened to and heard.')
    const about = workbook.getWorksheet('About')
    expect(about?.getRow(1).values).toEqual([
      undefined,
      'Organisation',
      `Council ${fixture.organisation.slug}`,
    ])
    expect(about?.getRow(2).values).toEqual([
      undefined,
      'Scorecard quarter',
      '2026-Q3 (July to September 2026)',
    ])
  })

  it('gives a PDF that shows every outcome statement and its figures', async () => {
    const response = await downloadBytes(viewer, download('scorecard.pdf'))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    const pdf = response.body as Buffer
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    for (const statement of statements) expect(text).toContain(statement)
    expect(text).toContain('Across all outcomes')
    expect(text).toContain('80.0%')
    expect(text).not.toContain(secretWords)
  })

  it('records every download in the audit log with its quarter', async () => {
    expect(await downloads()).toEqual([
      {
        actor: 'viewer@council.example',
        subject: 'scorecards/scorecard.csv',
        details: { period: '2026-Q3' },
      },
      {
        actor: 'analyst@council.example',
        subject: 'scorecards/scorecard.xlsx',
        details: { period: '2026-Q3' },
      },
      {
        actor: 'viewer@council.example',
        subject: 'scorecards/scorecard.pdf',
        details: { period: '2026-Q3' },
      },
    ])
  })

  it('refuses a quarter that does not exist with 400 and records nothing', async () => {
    const before = await downloads()
    for (const file of ['scorecard.csv', 'scorecard.xlsx', 'scorecard.pdf'])
      expect((await viewer.get(download(file, '2026-Q9'))).status).toBe(400)
    expect(await downloads()).toEqual(before)
  })

  it('gives 404 for a file it does not offer', async () => {
    expect((await viewer.get(download('scorecard.docx'))).status).toBe(404)
  })
})
