import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { writeResponsesCsv } from '../../server/exports/responsesCsv'
import type { ResponsesExport } from '../../server/exports/responsesTable'
import { writeResponsesXlsx } from '../../server/exports/responsesXlsx'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertExportSurvey, type ExportSurvey } from './exportSurvey'
import { parseCsv } from './parseCsv'
import { collectingStream } from './streams'

let database: TestDatabase
let survey: ExportSurvey

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertExportSurvey(database.db)
})
afterAll(() => database.drop())

const exportOptions = (language: ResponsesExport['language']): ResponsesExport => ({
  organisationId: survey.organisationId,
  surveyId: survey.surveyId,
  language,
})

async function exportXlsx(language: ResponsesExport['language']) {
  const { output, bytes } = collectingStream()
  const written = await writeResponsesXlsx(database.db, exportOptions(language), output)
  const workbook = new ExcelJS.Workbook()
  // exceljs types the file as an ArrayBuffer, so the bytes are copied into one.
  await workbook.xlsx.load(Uint8Array.from(bytes()).buffer)
  return { written, workbook, bytes }
}

async function exportCsvRecords(language: ResponsesExport['language']): Promise<string[][]> {
  const { output, bytes } = collectingStream()
  await writeResponsesCsv(database.db, exportOptions(language), output)
  // A line break in a cell is LF in a workbook, where the CSV keeps the CRLF it was given.
  return parseCsv(bytes().subarray(3).toString('utf8')).map((record) =>
    record.map((cell) => cell.replaceAll('\r\n', '\n')),
  )
}

/** Every row of the sheet as text, with empty cells as empty strings. */
function sheetRecords(sheet: ExcelJS.Worksheet): string[][] {
  const records: string[][] = []
  sheet.eachRow((row) => {
    records.push(
      Array.from({ length: sheet.columnCount }, (_, index) => {
        const value = row.getCell(index + 1).value
        return typeof value === 'string' ? value : ''
      }),
    )
  })
  return records
}

describe('writeResponsesXlsx', () => {
  it.each(['en', 'cy', 'ur'] as const)(
    'holds in %s exactly the rows and headings of the CSV',
    async (language) => {
      const { written, workbook } = await exportXlsx(language)
      expect(written).toBe(25)
      // The responses, then the notes on versions.
      expect(workbook.worksheets).toHaveLength(2)
      const [sheet] = workbook.worksheets
      if (!sheet) throw new Error('No sheet')
      expect(sheetRecords(sheet)).toEqual(await exportCsvRecords(language))
    },
  )

  it('has a bold heading row that stays in view', async () => {
    const [sheet] = (await exportXlsx('en')).workbook.worksheets
    expect(sheet?.getRow(1).getCell(1).font.bold).toBe(true)
    // exceljs types every cell's font as present, but an unstyled cell has none.
    const bodyFont: Partial<ExcelJS.Font> | undefined = sheet?.getRow(2).getCell(1).font
    expect(bodyFont?.bold).not.toBe(true)
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('stores every cell as text, so formulas in answers stay text with their apostrophe', async () => {
    const [sheet] = (await exportXlsx('en')).workbook.worksheets
    const types = new Set<ExcelJS.ValueType>()
    sheet?.eachRow((row) => {
      row.eachCell((cell) => types.add(cell.type))
    })
    expect([...types]).toEqual([ExcelJS.ValueType.String])
    const text = sheetRecords(sheet as ExcelJS.Worksheet).map((row) => row[4])
    expect(text).toContain(`'=HYPERLINK("http://x","click")`)
    expect(text).toContain(`'@SUM(A1)`)
    expect(text).toContain('-5')
  })

  it('never holds a reference, draft id or response id, in any part of the file', async () => {
    const { workbook, bytes } = await exportXlsx('en')
    const cells = sheetRecords(workbook.worksheets[0] as ExcelJS.Worksheet).flat()
    for (const secret of survey.secrets) expect(cells.join('\n')).not.toContain(secret)
    // The parts are compressed, so look through the stored parts rather than the raw bytes.
    const parts = await zipTexts(bytes())
    for (const secret of survey.secrets) expect(parts).not.toContain(secret)
  })
})

/**
 * The text of every part in the workbook's zip, to search for anything that should not be there.
 * jszip comes with exceljs, which reads workbooks with it.
 */
async function zipTexts(xlsx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx)
  const texts = await Promise.all(Object.values(zip.files).map((file) => file.async('string')))
  return texts.join('\n')
}
