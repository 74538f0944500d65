import ExcelJS from 'exceljs'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let viewer: Agent
let analyst: Agent
const download = (file: string) => paths.manage.download('what-i-need', file)

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db)
  const { surveyId } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'what-i-need',
  })
  await insertResponses(
    database.db,
    { organisationId: organisation.id, surveyId },
    Array.from({ length: 24 }, (_, index) => ({
      answers: {
        'listened-to': index < 12 ? 'very-important' : 'important',
        'life-better':
          index === 0 ? '=HYPERLINK("http://evil.example","click")' : index === 1 ? '-3 buses' : null,
        'age-group': index < 20 ? '12-15' : '8-11',
        helper: 'no',
      },
      language: 'en',
    })),
  )
  viewer = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'viewer',
    email: 'viewer@council.example',
  })
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'analyst',
    email: 'analyst@council.example',
  })
})
afterAll(() => database.drop())

const binary = (agent: Agent, path: string) =>
  agent
    .get(path)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        done(null, Buffer.concat(chunks))
      })
    })

describe('downloads', () => {
  it('streams every response as CSV with a byte-order mark, labels, neutralised formulas and no identifiers', async () => {
    const response = await binary(analyst, download('responses.csv'))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="?what-i-need-responses-\d{4}-\d{2}-\d{2}\.csv"?/,
    )
    expect(response.headers['cache-control']).toBe('no-store')
    const text = (response.body as Buffer).toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(25)
    expect(lines[0]).toContain('I need to be listened to and heard.')
    expect(text).toContain('Very important')
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(text).toContain("'-3 buses")
    const identifiers = await database.db.query<{ id: string; reference: string; draft_id: string }>(
      'SELECT id, reference, draft_id FROM responses',
    )
    for (const row of identifiers) for (const value of Object.values(row)) expect(text).not.toContain(value)
  })

  it('narrows the download to the filtered selection', async () => {
    const response = await binary(analyst, `${download('responses.csv')}?about-age-group=8-11`)
    expect((response.body as Buffer).toString('utf8').trim().split('\r\n')).toHaveLength(5)
  })

  it('gives the same rows as an Excel workbook', async () => {
    const response = await binary(analyst, download('responses.xlsx'))
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Uint8Array.from(response.body as Buffer).buffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.rowCount).toBe(25)
    const cells = sheet?.getRow(2).values as unknown[]
    expect(cells.some((cell) => typeof cell === 'string' && cell.startsWith("'=HYPERLINK"))).toBe(true)
  })

  it('gives a summary CSV with suppression flags and no withheld numbers', async () => {
    const response = await binary(viewer, download('summary.csv'))
    expect(response.status).toBe(200)
    const rows = (response.body as Buffer).toString('utf8').replace('\uFEFF', '').trim().split('\r\n')
    expect(rows[0]).toContain('Count suppressed')
    expect(rows.find((row) => row.startsWith('responses,'))).toContain(',24,no,')
    const eightToEleven = rows.find((row) => row.startsWith('age-group,') && row.includes(',8-11,'))
    expect(eightToEleven).toContain(',,yes,')
    expect(eightToEleven).not.toContain(',4,')
  })

  it('gives viewers the PDF report through the app', async () => {
    const response = await binary(viewer, download('report.pdf'))
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('lets viewers see but not download responses, and records every download in the audit log', async () => {
    expect((await viewer.get(download('responses.csv'))).status).toBe(403)
    expect((await viewer.get(download('responses.xlsx'))).status).toBe(403)
    const events = await database.db.query<{ actor: string; subject: string }>(
      `SELECT actor, subject FROM audit_events WHERE action = 'downloaded' ORDER BY occurred_at`,
    )
    expect(events).toEqual(
      expect.arrayContaining([
        { actor: 'analyst@council.example', subject: 'what-i-need/responses.csv' },
        { actor: 'analyst@council.example', subject: 'what-i-need/responses.xlsx' },
        { actor: 'viewer@council.example', subject: 'what-i-need/summary.csv' },
        { actor: 'viewer@council.example', subject: 'what-i-need/report.pdf' },
      ]),
    )
    expect(
      events.some((event) => event.actor === 'viewer@council.example' && event.subject.includes('responses')),
    ).toBe(false)
  })

  it('refuses a nonsense selection with 400 and records nothing', async () => {
    const before = await database.db.query('SELECT * FROM audit_events')
    expect((await analyst.get(`${download('responses.csv')}?from=yesterday`)).status).toBe(400)
    expect(await database.db.query('SELECT * FROM audit_events')).toHaveLength(before.length)
  })
})
