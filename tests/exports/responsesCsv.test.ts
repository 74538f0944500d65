import { Writable } from 'node:stream'
import { NotFoundError } from '../../server/errors'
import { writeResponsesCsv } from '../../server/exports/responsesCsv'
import type { ResponsesExport } from '../../server/exports/responsesTable'
import { writeResponsesXlsx } from '../../server/exports/responsesXlsx'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { awkwardText, hiddenFormula, insertExportSurvey, urduText, type ExportSurvey } from './exportSurvey'
import { parseCsv } from './parseCsv'
import { collectingStream } from './streams'

let database: TestDatabase
let survey: ExportSurvey

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertExportSurvey(database.db)
})
afterAll(() => database.drop())

async function exportCsv(options: Partial<ResponsesExport> = {}) {
  const { output, bytes } = collectingStream()
  const written = await writeResponsesCsv(
    database.db,
    { organisationId: survey.organisationId, surveyId: survey.surveyId, language: 'en', ...options },
    output,
  )
  const raw = bytes()
  const [headings = [], ...rows] = parseCsv(raw.subarray(3).toString('utf8'))
  /** The cells of one column, found by its heading (which may end with its version notes). */
  const column = (heading: string) => {
    const index = headings.findIndex((each) => each === heading || each.startsWith(`${heading} [`))
    if (index < 0) throw new Error(`No column ${heading} in ${headings.join(' | ')}`)
    return rows.map((row) => row[index])
  }
  return { raw, written, headings, rows, column }
}

describe('writeResponsesCsv', () => {
  it('starts with the UTF-8 byte-order mark and ends every record with CRLF', async () => {
    const { raw, rows } = await exportCsv()
    expect(raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(raw.toString('utf8').endsWith('\r\n')).toBe(true)
    expect(rows).toHaveLength(25)
  })

  it('heads the columns with the newest words in the newest order, a dropped question where it was, and notes on versions', async () => {
    const { headings } = await exportCsv()
    expect(headings).toEqual([
      'Submitted',
      'Survey version',
      'Language',
      'Collection method',
      'What would make school better?',
      'Being listened to matters to me. [Words changed in version 2: was “I need to be listened to.”]',
      'I know who to contact.',
      'How do you feel at home? [Only in version 1]',
      'Do you have a friend you can talk to?',
      'How do you get to school?',
      'What do you like doing?',
      'How old are you?',
      'How many friends do you see each week?',
      'Which club do you go to? [Only in version 2]',
    ])
  })

  it('writes one row per response, oldest first, on its UK day, with its version and language', async () => {
    const { rows, column, written } = await exportCsv()
    expect(written).toBe(25)
    expect(rows.every((row) => row.length === 14)).toBe(true)
    expect(column('Submitted')[0]).toBe('2025-01-10')
    // Sent at 23:30 UTC on 1 July, which was 00:30 on 2 July in the UK; no time of day is kept.
    expect(column('Submitted').at(-1)).toBe('2025-07-02')
    expect(column('Submitted')).toEqual([...column('Submitted')].sort())
    expect(column('Survey version').filter((version) => version === '1')).toHaveLength(15)
    expect(column('Survey version').filter((version) => version === '2')).toHaveLength(10)
    expect(new Set(column('Language'))).toEqual(new Set(['en', 'ur', 'cy']))
  })

  it('labels answers in English, joins several with "; ", says "Not asked" for what was not asked, and leaves blank what was not answered', async () => {
    const { rows, column } = await exportCsv()
    const [first] = rows
    expect(first?.slice(4)).toEqual([
      'A quiet room',
      'Very important',
      'Agree',
      'Good',
      'Not sure',
      'Train',
      'Football; Drawing',
      '8 to 11',
      '12',
      'Not asked',
    ])
    expect(column('What do you like doing?')).toContain('')
    expect(column('What do you like doing?')).toContain("I'd prefer not to say")
    expect(column('Being listened to matters to me.')).toContain("I don't know")
    expect(column('How old are you?')).toContain('Under 8')
    expect(column('Which club do you go to?').slice(0, 15)).toEqual(Array(15).fill('Not asked'))
    expect(column('How do you feel at home?').slice(15)).toEqual(Array(10).fill('Not asked'))
  })

  it('labels answers and headings in Welsh', async () => {
    const { column, headings } = await exportCsv({ language: 'cy' })
    expect(headings).toContain("I ba glwb wyt ti'n mynd? [Dim ond yn fersiwn 2]")
    expect(column("I ba glwb wyt ti'n mynd?").slice(0, 15)).toEqual(Array(15).fill('Heb ei ofyn'))
    expect(column('I know who to contact.')[0]).toBe('Cytuno')
    expect(column("I ba glwb wyt ti'n mynd?")).toContain('Drama')
    expect(column("I ba glwb wyt ti'n mynd?")).toContain('Gwyddbwyll')
    expect(column('How old are you?')).toContain('12 i 15')
    expect(column('What would make school better?')).toContain('Ystafell dawel')
  })

  it('labels answers and headings in Urdu, and keeps Urdu free text whole', async () => {
    const { column, headings } = await exportCsv({ language: 'ur' })
    expect(headings.slice(0, 4)).toEqual(['Submitted', 'Survey version', 'Language', 'Collection method'])
    expect(column('آپ اسکول کیسے جاتے ہیں؟')).toContain('گاڑی')
    expect(column('مجھے معلوم ہے کہ کس سے رابطہ کرنا ہے۔')[0]).toBe('متفق')
    expect(column('آپ کی عمر کتنی ہے؟')).toContain('8 سے کم')
    expect(column('اسکول کو کیا بہتر بنائے گا؟')).toContain(urduText)
  })

  it('puts an apostrophe before free text a spreadsheet would run as a formula, and leaves numbers', async () => {
    const { column, raw } = await exportCsv()
    const text = column('What would make school better?')
    expect(text).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://x","click")`,
        `'@SUM(A1)`,
        `'+cmd|' /C calc'!A0`,
        `'=1+1`,
        '-5',
      ]),
    )
    expect(text).toContain(awkwardText)
    expect(raw.toString('utf8')).not.toContain(hiddenFormula)
    expect(raw.toString('utf8')).not.toMatch(/(^|,|")[=+@]/m)
  })

  it('never writes a reference, draft id or response id', async () => {
    for (const language of ['en', 'cy', 'ur'] as const) {
      const text = (await exportCsv({ language })).raw.toString('utf8')
      for (const secret of survey.secrets) expect(text).not.toContain(secret)
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    }
  })

  it('exports only the responses the filter selects', async () => {
    expect((await exportCsv({ filter: { language: 'ur' } })).written).toBe(5)
    expect((await exportCsv({ filter: { aboutYou: { age: '12-15' } } })).written).toBe(5)
    const january = await exportCsv({
      filter: { from: new Date('2025-01-11T00:00:00Z'), to: new Date('2025-01-12T00:00:00Z') },
    })
    expect(january.column('Submitted')).toEqual(['2025-01-11', '2025-01-11', '2025-01-11'])
  })

  it('refuses a survey of another organisation before writing anything', async () => {
    const { output, bytes } = collectingStream()
    const other = { organisationId: survey.organisationId, surveyId: '00000000-0000-4000-8000-000000000000' }
    await expect(writeResponsesCsv(database.db, { ...other, language: 'en' }, output)).rejects.toThrow(
      NotFoundError,
    )
    expect(bytes()).toHaveLength(0)
  })
})

describe('a download given up half-way', () => {
  it.each([
    ['CSV', writeResponsesCsv],
    ['XLSX', writeResponsesXlsx],
  ])('ends the %s export with an error instead of waiting for ever', async (_format, write) => {
    const closing = new Writable({
      write(_chunk, _encoding, done) {
        this.destroy()
        done()
      },
    })
    const options = {
      organisationId: survey.organisationId,
      surveyId: survey.surveyId,
      language: 'en' as const,
    }
    await expect(write(database.db, options, closing)).rejects.toThrow()
    expect(closing.destroyed).toBe(true)
  })
})
