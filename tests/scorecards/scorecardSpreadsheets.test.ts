import ExcelJS from 'exceljs'
import type { LanguageCode } from '../../server/i18n/languages'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import { scorecardCsv } from '../../server/scorecards/files/scorecardCsv'
import { writeScorecardXlsx } from '../../server/scorecards/files/scorecardXlsx'
import type { Indicator, Scorecard, ShownFact } from '../../server/scorecards/model/types'
import { parseCsv } from '../exports/parseCsv'
import { collectingStream } from '../exports/streams'

let translate: (language: LanguageCode) => Translate
beforeAll(async () => {
  translate = await createTranslator()
})

const fact = (period: string, figures: Partial<ShownFact> = {}): ShownFact => ({
  period,
  numerator: null,
  denominator: null,
  value: null,
  interval: null,
  suppressed: false,
  ...figures,
})

const surveyIndicator: Indicator = {
  id: 'ind-listened',
  outcomeId: 'out-listened',
  number: '1.1',
  wording: 'Young people who feel listened to',
  kind: 'survey',
  unit: 'percentage',
  goodIs: 'up',
  frequency: 'quarterly',
  source: 'Young people survey',
  dataOwner: 'Participation team',
  baseline: { value: 52.25, date: '2026-03-31' },
  amberTolerance: 5,
  targets: [
    { date: '2026-06-30', value: 60 },
    { date: '2026-12-31', value: 70 },
  ],
  survey: {
    id: 'survey-young',
    slug: 'young-people',
    counting: {
      questions: ['listened-to'],
      positive: ['very-important', 'important'],
      excluded: ['dont-know'],
      aboutYou: {},
    },
  },
}

const administrativeIndicator: Indicator = {
  id: 'ind-weeks',
  outcomeId: 'out-help',
  number: '2.1',
  wording: 'Weeks from request to plan',
  kind: 'administrative',
  unit: 'weeks',
  goodIs: 'down',
  frequency: 'monthly',
  source: 'Case management system',
  dataOwner: 'SEND team',
  baseline: null,
  amberTolerance: 2,
  targets: [{ date: '2026-09-30', value: 18 }],
}

const headlineIndicator: Indicator = {
  id: 'ind-headline',
  outcomeId: null,
  number: '0.1',
  wording: 'Importance ratings that are "very important"',
  kind: 'survey',
  unit: 'percentage',
  goodIs: 'neither',
  frequency: 'quarterly',
  source: 'Young people survey',
  dataOwner: 'Participation team',
  baseline: null,
  amberTolerance: 0,
  targets: [],
  survey: {
    id: 'survey-young',
    slug: 'young-people',
    counting: {
      questions: ['listened-to', 'safe'],
      positive: ['very-important'],
      excluded: [],
      aboutYou: { 'age-group': '12-15' },
      language: 'cy',
    },
  },
}

const listenedCurrent = fact('2026-Q4', {
  numerator: 40,
  denominator: 60,
  value: 66.66666666666667,
  interval: { lower: 54.1234, upper: 77.0456 },
})
const weeksCurrent = fact('2026-12', { value: 14 })
const headlineCurrent = fact('2026-Q4', { numerator: 40, denominator: 50, value: 80 })

const quarter = { key: '2026-Q4', frequency: 'quarterly', start: '2026-10-01', end: '2026-12-31' } as const

const scorecard: Scorecard = {
  organisation: { name: 'Riverside SEND Partnership', slug: 'riverside' },
  asAt: quarter,
  threshold: 10,
  computedAt: '2027-01-05T09:30:00.000Z',
  translations: {},
  youSaidWeDid: [],
  groups: [
    {
      outcome: { id: 'out-listened', slug: 'listened', position: 1, statement: 'Children are listened to' },
      rows: [
        {
          indicator: surveyIndicator,
          period: quarter,
          current: listenedCurrent,
          previous: fact('2026-Q3', { suppressed: true }),
          target: { date: '2026-12-31', value: 70 },
          rag: 'amber',
          trend: { status: 'not-comparable', change: null, pValue: null },
          history: [
            fact('2026-Q2', {
              numerator: 20,
              denominator: 36,
              value: 55.55555555555556,
              interval: { lower: 39.5, upper: 70.64 },
            }),
            // A withheld period: the figures are never shown, even if a fact still held them.
            fact('2026-Q3', {
              numerator: 7,
              denominator: 9,
              value: 77.77777777777777,
              interval: { lower: 45.26, upper: 93.67 },
              suppressed: true,
            }),
            listenedCurrent,
          ],
          commentary: null,
          references: [{ area: 'england', value: 72.34, source: 'DfE SEN2 2026', comparison: 'similar' }],
        },
      ],
    },
    {
      outcome: {
        id: 'out-help',
        slug: 'help',
        position: 2,
        statement: 'Families get help in time, and say so',
      },
      rows: [
        {
          indicator: administrativeIndicator,
          period: { key: '2026-12', frequency: 'monthly', start: '2026-12-01', end: '2026-12-31' },
          current: weeksCurrent,
          previous: fact('2026-11', { value: 16 }),
          target: { date: '2026-09-30', value: 18 },
          rag: 'green',
          trend: { status: 'improving', change: -2, pValue: null },
          history: [fact('2026-11', { value: 16 }), weeksCurrent],
          commentary: '=SUM(A1) weeks fell after two new caseworkers started',
          references: [],
        },
      ],
    },
    {
      outcome: null,
      rows: [
        {
          indicator: headlineIndicator,
          period: quarter,
          current: headlineCurrent,
          previous: null,
          target: null,
          rag: 'no-target',
          trend: { status: 'not-comparable', change: null, pValue: null },
          history: [headlineCurrent],
          commentary: null,
          references: [],
        },
      ],
    },
  ],
}

const headings = [
  'Outcome',
  'Indicator number',
  'Indicator',
  'Kind',
  'Unit',
  'Good is',
  'Frequency',
  'Source',
  'Data owner',
  'Definition',
  'Baseline',
  'Baseline date',
  'Period',
  'Period label',
  'Period start',
  'Period end',
  'Value',
  'n',
  'Numerator',
  'Denominator',
  '95% interval lower',
  '95% interval upper',
  'Suppressed',
  'Target',
  'Target date',
  'RAG',
  'Trend',
  'Change',
  'Commentary',
  'England',
  'England comparison',
  'England source',
  'Region',
  'Region comparison',
  'Region source',
  'Statistical neighbours',
  'Statistical neighbours comparison',
  'Statistical neighbours source',
]

/** The CSV's records as heading-to-cell maps, after checking the byte-order mark and headings. */
function csvLines(language: LanguageCode): Record<string, string>[] {
  const text = scorecardCsv(scorecard, translate(language), language)
  expect(text.startsWith('\uFEFF')).toBe(true)
  const [first, ...records] = parseCsv(text.slice(1))
  expect(first).toEqual(headings)
  return records.map((record) => {
    expect(record).toHaveLength(headings.length)
    return Object.fromEntries(headings.map((heading, index) => [heading, record[index] ?? '']))
  })
}

function lineFor(lines: Record<string, string>[], number: string, period: string): Record<string, string> {
  const line = lines.find((each) => each['Indicator number'] === number && each.Period === period)
  if (!line) throw new Error(`No line for ${number} ${period}`)
  return line
}

async function xlsxWorkbook(language: LanguageCode): Promise<ExcelJS.Workbook> {
  const { output, bytes } = collectingStream()
  await writeScorecardXlsx(scorecard, translate(language), language, output)
  const workbook = new ExcelJS.Workbook()
  // exceljs types the file as an ArrayBuffer, so the bytes are copied into one.
  await workbook.xlsx.load(Uint8Array.from(bytes()).buffer)
  return workbook
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`No sheet ${name}`)
  return sheet
}

/** The sheet's cells, 1-based like the sheet, as the values exceljs read back. */
const cellAt = (sheet: ExcelJS.Worksheet, row: number, heading: string): ExcelJS.CellValue =>
  sheet.getRow(row).getCell(headings.indexOf(heading) + 1).value

/** A cell read back as the CSV writes it; the scorecard sheets hold only text, numbers and empty cells. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  throw new Error(`Unexpected cell ${JSON.stringify(value)}`)
}

describe('scorecardCsv', () => {
  it('has one line per indicator per period, oldest first, outcome by outcome', () => {
    const lines = csvLines('en')
    expect(lines.map((line) => [line.Outcome, line['Indicator number'], line.Period])).toEqual([
      ['Children are listened to', '1.1', '2026-Q2'],
      ['Children are listened to', '1.1', '2026-Q3'],
      ['Children are listened to', '1.1', '2026-Q4'],
      ['Families get help in time, and say so', '2.1', '2026-11'],
      ['Families get help in time, and say so', '2.1', '2026-12'],
      ['Across all outcomes', '0.1', '2026-Q4'],
    ])
  })

  it('describes each indicator in words on every line', () => {
    const lines = csvLines('en')
    expect(lineFor(lines, '1.1', '2026-Q2')).toMatchObject({
      Indicator: 'Young people who feel listened to',
      Kind: 'Survey',
      Unit: 'Percentage',
      'Good is': 'Higher is better',
      Frequency: 'Quarterly',
      Source: 'Young people survey',
      'Data owner': 'Participation team',
      Definition:
        'Survey young-people; questions: listened-to; positive answers: very-important, important; answers left out: dont-know',
      Baseline: '52.3',
      'Baseline date': '2026-03-31',
    })
    expect(lineFor(lines, '2.1', '2026-12')).toMatchObject({
      Kind: 'Administrative',
      Unit: 'Weeks',
      'Good is': 'Lower is better',
      Frequency: 'Monthly',
      Definition: 'Entered by its data owner',
      Baseline: '',
      'Baseline date': '',
    })
    expect(lineFor(lines, '0.1', '2026-Q4')).toMatchObject({
      Indicator: 'Importance ratings that are "very important"',
      Definition:
        'Survey young-people; questions: listened-to, safe; positive answers: very-important; answers left out: none; only responses with age-group = 12-15; only responses in Cymraeg',
    })
  })

  it('gives each period its dates, label, figures to one decimal place and the target applying then', () => {
    const lines = csvLines('en')
    expect(lineFor(lines, '1.1', '2026-Q2')).toMatchObject({
      'Period label': 'April to June 2026',
      'Period start': '2026-04-01',
      'Period end': '2026-06-30',
      Value: '55.6',
      n: '36',
      Numerator: '20',
      Denominator: '36',
      '95% interval lower': '39.5',
      '95% interval upper': '70.6',
      Suppressed: 'no',
      Target: '60',
      'Target date': '2026-06-30',
    })
    expect(lineFor(lines, '1.1', '2026-Q4')).toMatchObject({
      'Period label': 'October to December 2026',
      Value: '66.7',
      n: '60',
      Numerator: '40',
      Denominator: '60',
      '95% interval lower': '54.1',
      '95% interval upper': '77',
      Target: '70',
      'Target date': '2026-12-31',
    })
    expect(lineFor(lines, '2.1', '2026-11')).toMatchObject({
      'Period label': 'November 2026',
      'Period start': '2026-11-01',
      'Period end': '2026-11-30',
      Value: '16',
      n: '',
      Numerator: '',
      Denominator: '',
      Target: '18',
      'Target date': '2026-09-30',
    })
    expect(lineFor(lines, '0.1', '2026-Q4')).toMatchObject({ Value: '80', Target: '', 'Target date': '' })
  })

  it('leaves a withheld period empty, says "yes", and never writes its figures', () => {
    const lines = csvLines('en')
    expect(lineFor(lines, '1.1', '2026-Q3')).toMatchObject({
      Value: '',
      n: '',
      Numerator: '',
      Denominator: '',
      '95% interval lower': '',
      '95% interval upper': '',
      Suppressed: 'yes',
      Target: '60',
    })
    const text = scorecardCsv(scorecard, translate('en'), 'en')
    for (const figure of ['77.8', '45.3', '93.7']) expect(text).not.toContain(figure)
  })

  it('judges only the current period, in words', () => {
    const lines = csvLines('en')
    expect(lineFor(lines, '1.1', '2026-Q4')).toMatchObject({
      RAG: 'Amber',
      Trend: 'Nothing to compare with',
      Change: '',
      Commentary: '',
    })
    expect(lineFor(lines, '2.1', '2026-12')).toMatchObject({ RAG: 'Green', Trend: 'Improving', Change: '-2' })
    expect(lineFor(lines, '0.1', '2026-Q4')).toMatchObject({ RAG: 'No target' })
    for (const [number, period] of [
      ['1.1', '2026-Q2'],
      ['1.1', '2026-Q3'],
      ['2.1', '2026-11'],
    ] as const)
      expect(lineFor(lines, number, period)).toMatchObject({ RAG: '', Trend: '', Change: '', Commentary: '' })
  })

  it('puts the comparison figures for the current period beside the local one, and leaves the rest empty', () => {
    const lines = csvLines('en')
    expect(lineFor(lines, '1.1', '2026-Q4')).toMatchObject({
      England: '72.3',
      'England comparison': 'Not significantly different from England',
      'England source': 'DfE SEN2 2026',
      Region: '',
      'Statistical neighbours': '',
    })
    expect(lineFor(lines, '1.1', '2026-Q3')).toMatchObject({ England: '', 'England comparison': '' })
  })

  it('neutralises a commentary that looks like a formula', () => {
    const line = lineFor(csvLines('en'), '2.1', '2026-12')
    expect(line.Commentary).toBe("'=SUM(A1) weeks fell after two new caseworkers started")
  })

  it('keeps English headings and puts the words of the language in the cells', () => {
    const t = translate('cy')
    const line = lineFor(csvLines('cy'), '1.1', '2026-Q4')
    expect(line.RAG).toBe(t('scorecards.ragShort.amber'))
    expect(line.Outcome).toBe('Children are listened to')
    expect(lineFor(csvLines('cy'), '0.1', '2026-Q4').Outcome).toBe(t('scorecards.overall'))
  })
})

describe('writeScorecardXlsx', () => {
  it('holds the same lines as the CSV under a bold heading row that stays in view', async () => {
    const workbook = await xlsxWorkbook('en')
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Scorecard', 'About'])
    const sheet = sheetNamed(workbook, 'Scorecard')
    expect(sheet.getRow(1).getCell(1).font.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const records: string[][] = []
    sheet.eachRow({ includeEmpty: false }, (row) => {
      records.push(headings.map((_, index) => cellText(row.getCell(index + 1).value)))
    })
    const csvRecords = parseCsv(scorecardCsv(scorecard, translate('en'), 'en').slice(1))
    expect(records).toEqual(csvRecords)
  })

  it('stores figures as numbers and words as text', async () => {
    const sheet = sheetNamed(await xlsxWorkbook('en'), 'Scorecard')
    // Row 1 is the headings; rows 2-4 are indicator 1.1 (2026-Q2 to Q4), 5-6 indicator 2.1.
    expect(cellAt(sheet, 4, 'Period')).toBe('2026-Q4')
    expect(cellAt(sheet, 4, 'Value')).toBe(66.7)
    expect(cellAt(sheet, 4, 'n')).toBe(60)
    expect(cellAt(sheet, 4, 'Numerator')).toBe(40)
    expect(cellAt(sheet, 4, '95% interval lower')).toBe(54.1)
    expect(cellAt(sheet, 4, 'Target')).toBe(70)
    expect(cellAt(sheet, 6, 'Change')).toBe(-2)
    const commentary = sheet.getRow(6).getCell(headings.indexOf('Commentary') + 1)
    expect(commentary.type).toBe(ExcelJS.ValueType.String)
    expect(commentary.value).toBe("'=SUM(A1) weeks fell after two new caseworkers started")
  })

  it('leaves a withheld period empty', async () => {
    const sheet = sheetNamed(await xlsxWorkbook('en'), 'Scorecard')
    expect(cellAt(sheet, 3, 'Period')).toBe('2026-Q3')
    for (const heading of [
      'Value',
      'n',
      'Numerator',
      'Denominator',
      '95% interval lower',
      '95% interval upper',
    ])
      expect(cellAt(sheet, 3, heading)).toBeNull()
    expect(cellAt(sheet, 3, 'Suppressed')).toBe('yes')
  })

  it('says on an About sheet whose scorecard it is and what is withheld', async () => {
    const about = sheetNamed(await xlsxWorkbook('en'), 'About')
    const lines: string[][] = []
    about.eachRow((row) => {
      lines.push([cellText(row.getCell(1).value), cellText(row.getCell(2).value)])
    })
    expect(lines).toEqual([
      ['Organisation', 'Riverside SEND Partnership'],
      ['Scorecard quarter', '2026-Q4 (October to December 2026)'],
      ['Threshold', 'Counts below 10 are withheld'],
      ['Figures computed', '2027-01-05T09:30:00.000Z'],
    ])
  })
})
