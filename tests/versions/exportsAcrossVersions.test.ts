import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { paths } from '../../server/paths'
import { parseCsv } from '../exports/parseCsv'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertVersionedSurvey, type VersionedSurvey } from './versionedSurvey'

let database: TestDatabase
let survey: VersionedSurvey
let analyst: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertVersionedSurvey(database.db)
  const testApp = await buildTestApp(database.db)
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId: survey.organisationId,
    role: 'analyst',
  })
})
afterAll(() => database.drop())

async function download(file: string, language = 'en'): Promise<Buffer> {
  const response = await analyst
    .get(`${paths.manage.download(survey.slug, file)}?lang=${language}`)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        done(null, Buffer.concat(chunks))
      })
    })
  expect(response.status).toBe(200)
  return response.body as Buffer
}

/** A table read by its headings; a heading may end with its version notes in brackets. */
function tableOf(records: string[][]) {
  const [headings = [], ...rows] = records
  const indexOf = (heading: string) => {
    const index = headings.findIndex((each) => each === heading || each.startsWith(`${heading} [`))
    if (index < 0) throw new Error(`No column ${heading} in ${headings.join(' | ')}`)
    return index
  }
  return {
    headings,
    rows,
    heading: (words: string) => headings[indexOf(words)],
    column: (words: string) => rows.map((row) => row[indexOf(words)]),
  }
}

const csvRecords = (bytes: Buffer) => parseCsv(bytes.subarray(3).toString('utf8'))

/** Version 1's 20 responses come first (January), then version 2's 20 (February). */
const firstTwenty = (cells: (string | undefined)[]) => cells.slice(0, 20)
const lastTwenty = (cells: (string | undefined)[]) => cells.slice(20)
const tens = (first: string, second: string) => [
  ...Array<string>(10).fill(first),
  ...Array<string>(10).fill(second),
]

describe('the responses CSV across an edit', () => {
  let table: ReturnType<typeof tableOf>
  beforeAll(async () => {
    table = tableOf(csvRecords(await download('responses.csv')))
  })

  it('has one column per question id, headed with the newest words and what changed', () => {
    expect(table.rows).toHaveLength(40)
    expect(table.heading('People listened to me.')).toBe(
      'People listened to me. [Words changed in version 2: was “I felt listened to.”]',
    )
    expect(table.heading('How do you feel about home?')).toBe(
      'How do you feel about home? [Only in version 1]',
    )
    expect(table.heading('Do you go to a parents’ club?')).toBe(
      'Do you go to a parents’ club? [Only in version 2]',
    )
    expect(table.heading('How did you get to the meeting?')).toBe(
      'How did you get to the meeting? [Answer “On foot” changed in version 2: was “Walk”; ' +
        'Answer “Car” only in version 1; Answer “Train” only in version 2]',
    )
    expect(table.heading('Did someone help you?')).toBe('Did someone help you?')
  })

  it('keeps a dropped question’s answers, and says "Not asked" for the version without it', () => {
    expect(firstTwenty(table.column('How do you feel about home?'))).toEqual(tens('Good', 'Not good'))
    expect(lastTwenty(table.column('How do you feel about home?'))).toEqual(Array(20).fill('Not asked'))
    expect(firstTwenty(table.column('Do you go to a parents’ club?'))).toEqual(Array(20).fill('Not asked'))
  })

  it('labels each answer in the words of the version it was given to', () => {
    expect(firstTwenty(table.column('How did you get to the meeting?'))).toEqual(tens('Car', 'Bus'))
    // Version 2's C answered in Welsh, but the export is in English.
    expect(lastTwenty(table.column('How did you get to the meeting?'))).toEqual(tens('Train', 'On foot'))
  })

  it('says "Not asked" for a question a condition skipped, and leaves a blank answer empty', () => {
    expect(table.column('How did they help?')).toEqual([
      ...tens('More time', 'Not asked'),
      ...tens('Someone to talk to', 'Not asked'),
    ])
    expect(table.column('Anything else?')).toEqual([...tens('', 'Fine'), ...tens('Da', '')])
  })

  it('is in Welsh when asked for in Welsh', async () => {
    const welsh = tableOf(csvRecords(await download('responses.csv', 'cy')))
    expect(welsh.heading('Sut ydych chi’n teimlo am gartref?')).toBe(
      'Sut ydych chi’n teimlo am gartref? [Dim ond yn fersiwn 1]',
    )
    expect(lastTwenty(welsh.column('Sut ydych chi’n teimlo am gartref?'))).toEqual(
      Array(20).fill('Heb ei ofyn'),
    )
  })
})

describe('the responses workbook across an edit', () => {
  let workbook: ExcelJS.Workbook
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Uint8Array.from(await download('responses.xlsx')).buffer)
  })

  const records = (sheet: ExcelJS.Worksheet | undefined): string[][] => {
    const rows: string[][] = []
    sheet?.eachRow((row) => {
      rows.push(
        Array.from({ length: sheet.columnCount }, (_, index) => {
          const value = row.getCell(index + 1).value
          return typeof value === 'string' ? value : ''
        }),
      )
    })
    return rows
  }

  it('holds the same table as the CSV on its first sheet', async () => {
    const [responses] = workbook.worksheets
    expect(responses?.name).toBe('Responses')
    expect(records(responses)).toEqual(csvRecords(await download('responses.csv')))
  })

  it('lists every question on a notes sheet with the versions that asked it and what changed', () => {
    const notes = workbook.worksheets[1]
    expect(notes?.name).toBe('Notes')
    expect(records(notes)).toEqual([
      ['Question id', 'Question', 'Asked in versions', 'Notes'],
      ['listened', 'People listened to me.', '1–2', 'Words changed in version 2: was “I felt listened to.”'],
      ['club', 'Do you go to a parents’ club?', '2', 'Only in version 2'],
      [
        'transport',
        'How did you get to the meeting?',
        '1–2',
        'Answer “On foot” changed in version 2: was “Walk”\nAnswer “Car” only in version 1\nAnswer “Train” only in version 2',
      ],
      ['home', 'How do you feel about home?', '1', 'Only in version 1'],
      ['helped', 'Did someone help you?', '1–2', ''],
      ['helped-how', 'How did they help?', '1–2', ''],
      ['comments', 'Anything else?', '1–2', ''],
    ])
  })
})

describe('the summary CSV across an edit', () => {
  it('counts across versions and gives not asked, no answer, versions and notes per question', async () => {
    const table = tableOf(csvRecords(await download('summary.csv')))
    const row = (questionId: string, answerId: string) => {
      const found = table.rows.find((each) => each[0] === questionId && each[2] === answerId)
      if (!found) throw new Error(`No row ${questionId} ${answerId}`)
      const cell = (heading: string) => found[table.headings.indexOf(heading)]
      return cell
    }
    expect(row('transport', 'car')('Count')).toBe('10')
    expect(row('transport', 'car')('Percentage')).toBe('25.0')
    expect(row('transport', 'car')('Version notes')).toContain('Answer “Car” only in version 1')
    expect(row('home', 'happy')('Denominator')).toBe('20')
    expect(row('home', 'happy')('Not asked')).toBe('20')
    expect(row('home', 'happy')('Asked in versions')).toBe('1')
    expect(row('helped-how', 'more-time')('Not asked')).toBe('20')
    expect(row('helped-how', 'more-time')('No answer')).toBe('0')
    expect(row('helped-how', 'more-time')('Percentage')).toBe('50.0')
    expect(row('comments', '')('No answer')).toBe('20')
    expect(row('comments', '')('Not asked')).toBe('0')
    expect(row('listened', 'agree')('Version notes')).toBe(
      'Words changed in version 2: was “I felt listened to.”',
    )
  })
})

describe('the results report (PDF) across an edit', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-versions-pdf-'))
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  const pdfText = async (language: string) => {
    const file = path.join(folder, `report-${language}.pdf`)
    fs.writeFileSync(file, await download('report.pdf', language))
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  }

  it('gives each question’s version notes and its "Not asked" and "No answer"', async () => {
    const text = await pdfText('en')
    expect(text).toContain('People listened to me. Words changed in version 2: was “I felt listened to.”')
    expect(text).toContain('How do you feel about home? Only in version 1')
    expect(text).toContain('Answer “Car” only in version 1')
    expect(text).toMatch(/How did they help\?.*Not asked: 20/)
    expect(text).toMatch(/Anything else\?.*No answer: 20/)
    expect(text).toContain('“Not asked” counts people a question was not put to')
  })

  it('says it in Welsh', async () => {
    const text = await pdfText('cy')
    expect(text).toContain('Dim ond yn fersiwn 1')
    expect(text).toContain('Heb ei ofyn: 20')
  })
})
