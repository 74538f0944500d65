import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { pathRuns } from '../../server/pdf/sparkline'
import { writeScorecardPdf } from '../../server/scorecards/files/scorecardPdf'
import type { LanguageCode } from '../../server/i18n/languages'
import { createTranslator } from '../../server/i18n/translator'
import { wilsonInterval } from '../../server/statistics/proportions'
import type {
  Indicator,
  Outcome,
  Period,
  Scorecard,
  ScorecardRow,
  ShownFact,
} from '../../server/scorecards/model/types'

const quarter = (key: string, start: string, end: string): Period => ({
  key,
  frequency: 'quarterly',
  start,
  end,
})
const asAt = quarter('2026-Q4', '2026-10-01', '2026-12-31')

const surveyFact = (period: string, numerator: number, denominator: number): ShownFact => ({
  period,
  numerator,
  denominator,
  value: (100 * numerator) / denominator,
  interval: wilsonInterval(numerator, denominator),
  suppressed: false,
})

/**
 * A withheld figure. The scorecard already holds nulls for these; this one still carries its
 * counts (7 of 9, 77.8%), to prove the PDF never shows a withheld figure whatever it holds.
 */
const withheld = (period: string): ShownFact => ({
  period,
  numerator: 7,
  denominator: 9,
  value: 77.8,
  interval: null,
  suppressed: true,
})

const entered = (period: string, value: number | null): ShownFact => ({
  period,
  numerator: null,
  denominator: null,
  value,
  interval: null,
  suppressed: false,
})

const listened: Outcome = {
  id: 'o1',
  slug: 'listened-to',
  position: 1,
  statement: 'I need to be listened to and heard.',
}
const safe: Outcome = { id: 'o2', slug: 'safe', position: 2, statement: 'I need to be safe and feel safe.' }

function indicator(overrides: Partial<Indicator> & Pick<Indicator, 'id' | 'number' | 'wording'>): Indicator {
  return {
    outcomeId: null,
    kind: 'survey',
    unit: 'percentage',
    goodIs: 'up',
    frequency: 'quarterly',
    source: 'Survey: What I need',
    dataOwner: 'Participation team',
    baseline: { value: 55, date: '2025-03-31' },
    amberTolerance: 5,
    targets: [{ date: '2027-03-31', value: 65 }],
    ...overrides,
  }
}

function row(overrides: Partial<ScorecardRow> & Pick<ScorecardRow, 'indicator' | 'current'>): ScorecardRow {
  return {
    period: asAt,
    previous: null,
    target: overrides.indicator.targets[0] ?? null,
    rag: 'no-target',
    trend: { status: 'not-comparable', change: null, pValue: null },
    history: [overrides.current],
    commentary: null,
    references: [],
    ...overrides,
  }
}

// 20 of 30 is 66.7%; Wilson 95% interval 48.8% to 80.8% (worked out in the results report's test
// the same way: centre 0.647751, half 0.159949).
const listenedRow = row({
  indicator: indicator({
    id: 'i11',
    outcomeId: 'o1',
    number: '1.1',
    wording: 'Young people who feel listened to',
  }),
  current: surveyFact('2026-Q4', 20, 30),
  previous: surveyFact('2026-Q3', 14, 25),
  rag: 'green',
  trend: { status: 'no-real-change', change: 100 * (20 / 30 - 14 / 25), pValue: 0.41 },
  history: [
    surveyFact('2026-Q1', 12, 20),
    withheld('2026-Q2'),
    surveyFact('2026-Q3', 14, 25),
    surveyFact('2026-Q4', 20, 30),
  ],
  commentary: 'The youth forum met twice this quarter and chose its own agenda.',
})

const safeSurveyRow = row({
  indicator: indicator({
    id: 'i21',
    outcomeId: 'o2',
    number: '2.1',
    wording: 'Young people who feel safe at school',
  }),
  current: withheld('2026-Q4'),
  previous: surveyFact('2026-Q3', 18, 24),
  rag: 'too-few',
  history: [
    surveyFact('2026-Q1', 15, 21),
    surveyFact('2026-Q2', 16, 22),
    surveyFact('2026-Q3', 18, 24),
    withheld('2026-Q4'),
  ],
})

const planRow = row({
  indicator: indicator({
    id: 'i22',
    outcomeId: 'o2',
    number: '2.2',
    wording: 'Average time to issue an EHC plan',
    kind: 'administrative',
    unit: 'weeks',
    goodIs: 'down',
    source: 'Case management system',
    dataOwner: 'SEND casework manager',
    baseline: { value: 22, date: '2025-03-31' },
    amberTolerance: 2,
    targets: [{ date: '2027-03-31', value: 20 }],
  }),
  current: entered('2026-Q4', 25),
  previous: entered('2026-Q3', 23),
  rag: 'red',
  trend: { status: 'getting-worse', change: 2, pValue: null },
  history: [entered('2026-Q1', 21), entered('2026-Q2', null), entered('2026-Q3', 23), entered('2026-Q4', 25)],
  commentary: 'Two educational psychologist posts are vacant; agency cover starts in January.',
})

const overallRow = row({
  indicator: indicator({
    id: 'i01',
    number: '0.1',
    wording: 'Importance ratings that were “Very important”',
    targets: [],
    baseline: null,
  }),
  current: surveyFact('2026-Q4', 120, 200),
  target: null,
  rag: 'no-target',
  history: [surveyFact('2026-Q3', 110, 200), surveyFact('2026-Q4', 120, 200)],
})

const scorecard: Scorecard = {
  organisation: { name: 'Northshire SEND Partnership', slug: 'northshire' },
  asAt,
  threshold: 10,
  groups: [
    { outcome: listened, rows: [listenedRow] },
    { outcome: safe, rows: [safeSurveyRow, planRow] },
    { outcome: null, rows: [overallRow] },
  ],
  youSaidWeDid: [],
  computedAt: '2027-01-05T09:30:00.000Z',
  translations: {},
}

async function pdfOf(card: Scorecard, language: LanguageCode): Promise<Buffer> {
  const t = (await createTranslator())(language)
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  await writeScorecardPdf({ scorecard: card, t, language }, sink)
  return Buffer.concat(chunks)
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-scorecard-pdf-'))
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

let written = 0
function saved(pdf: Buffer): string {
  const file = path.join(folder, `scorecard-${String(++written)}.pdf`)
  fs.writeFileSync(file, pdf)
  return file
}

const pdfText = (pdf: Buffer, ...options: string[]): string =>
  execFileSync('pdftotext', [...options, saved(pdf), '-'], { encoding: 'utf8' })

const pdfInfo = (pdf: Buffer): string => execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' })

/** pdftotext's words with line breaks and runs of spaces as one space, so wrapped cells read on. */
const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('writeScorecardPdf in English', () => {
  let pdf: Buffer
  let text: string
  beforeAll(async () => {
    pdf = await pdfOf(scorecard, 'en')
    text = pdfText(pdf)
  })

  it('is a titled, tagged, landscape A4 PDF in English by the organisation', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const info = pdfInfo(pdf)
    expect(info).toMatch(/^Title:\s+Outcome scorecard: October to December 2026$/m)
    expect(info).toMatch(/^Author:\s+Northshire SEND Partnership$/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Page size:\s+841.89 x 595.28 pts \(A4\)$/m)
    expect(info).toMatch(/^Pages:\s+[1-9]\d*$/m)
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/Lang (en)')
    expect(raw).toContain('/DisplayDocTitle true')
  })

  it('says whose scorecard it is, for which quarter, and what is withheld', () => {
    const words = flat(text)
    expect(words).toContain('Outcome scorecard')
    expect(words).toContain('Northshire SEND Partnership')
    expect(words).toContain('Quarter: October to December 2026')
    expect(words).toMatch(/Produced on \d{1,2} \w+ \d{4}/)
    expect(words).toContain('Figures last worked out on 5 January 2027')
    expect(words).toContain('Counts below 10 are withheld')
  })

  it('gives each outcome its table, with the indicators and their figures', () => {
    const words = flat(text)
    for (const heading of [
      'I need to be listened to and heard.',
      'I need to be safe and feel safe.',
      'Across all outcomes',
    ])
      expect(words).toContain(heading)
    for (const column of ['No.', 'Indicator', 'Good is', 'Baseline', 'Target', 'Current', 'RAG rating'])
      expect(words).toContain(column)
    expect(words).toContain('Young people who feel listened to')
    expect(words).toContain('Average time to issue an EHC plan')
    expect(words).toContain('Source: Case management system')
    expect(words).toContain('Owner: SEND casework manager')
    expect(words).toContain('Reported: Quarterly')
    expect(words).toContain('66.7%')
    expect(words).toContain('n = 30')
    expect(words).toContain('95%: 48.8–80.8')
    expect(words).toContain('25.0 weeks')
    expect(words).toContain('by 31 March 2027')
    expect(words).toContain('Lower is better')
  })

  it('gives RAG ratings and trends in words', () => {
    const words = flat(text)
    expect(words).toContain('Green: on target')
    expect(words).toContain('Red: off target')
    expect(words).toContain('Not enough responses')
    expect(words).toContain('No target set')
    expect(words).toContain('No real change')
    expect(words).toContain('Getting worse')
    expect(words).toContain('Change: +10.7 points')
    expect(words).toContain('Change: +2.0 weeks')
    expect(words).toContain('Nothing to compare with')
  })

  it('shows commentary', () => {
    expect(flat(text)).toContain('The youth forum met twice this quarter and chose its own agenda.')
    expect(flat(text)).toContain('Two educational psychologist posts are vacant')
  })

  it('never shows a withheld figure', () => {
    expect(flat(text)).toContain('Fewer than 10: not shown')
    expect(text).not.toContain('77.8')
    expect(text).not.toMatch(/(^|\s)9(\s|$)/m)
    expect(text).not.toMatch(/(^|\s)7(\s|$)/m)
    expect(text).not.toMatch(/n = 9/)
  })

  it('numbers every page', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '')
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${String(index + 1)} of ${String(pages.length)}`)
    })
  })
})

describe('writeScorecardPdf with a long table', () => {
  it('keeps each row on one page and repeats the head on every page', async () => {
    const rows = Array.from({ length: 14 }, (_, index) =>
      row({
        indicator: indicator({
          id: `l${String(index)}`,
          number: `1.${String(index + 1)}`,
          wording: `Measure ${String(index + 1)} of being heard`,
        }),
        current: surveyFact('2026-Q4', 20, 30),
        rag: 'green',
        commentary: `Note ${String(index + 1)}: a longer piece of commentary that runs over several lines of its narrow column, to make the row taller.`,
      }),
    )
    const long: Scorecard = { ...scorecard, groups: [{ outcome: listened, rows }] }
    const pages = pdfText(await pdfOf(long, 'en'))
      .split('\f')
      .filter((page) => page.trim() !== '')
      .map(flat)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect(page).toContain('RAG rating')
    rows.forEach((_, index) => {
      const number = String(index + 1)
      const page = pages.find((candidate) => candidate.includes(`Measure ${number} of being heard`)) ?? ''
      expect(page).toContain(`Note ${number}: a longer piece`)
      expect(page).toContain('to make the row taller.')
    })
  })
})

describe('writeScorecardPdf in Welsh', () => {
  it('gives the headings and ratings in Welsh', async () => {
    const pdf = await pdfOf(scorecard, 'cy')
    expect(pdf.toString('latin1')).toContain('/Lang (cy)')
    const words = flat(pdfText(pdf))
    expect(words).toContain('Cerdyn sgorio canlyniadau')
    expect(words).toContain('Sgôr RAG')
    expect(words).toContain('Gwyrdd: ar y targed')
    expect(words).toContain('25.0 wythnos')
  })
})

describe('writeScorecardPdf in Urdu', () => {
  it('renders right to left, tagged with its words in reading order', async () => {
    const pdf = await pdfOf(scorecard, 'ur')
    expect(pdf.toString('latin1')).toContain('/Lang (ur)')
    expect(pdfInfo(pdf)).toMatch(/^Page size:\s+841.89 x 595.28 pts \(A4\)$/m)
    // pdftotext writes right-to-left text back to front between U+202B and U+202C; turning those
    // runs round gives the words as typed, which it took from the tags' ActualText.
    const text = pdfText(pdf).replace(/\u202B([^\u202C]*)\u202C/g, (_, run: string) =>
      Array.from(run).reverse().join(''),
    )
    expect(text).toContain('نتائج کا اسکور کارڈ')
    expect(text).toContain('کافی جوابات نہیں')
    expect(text).toContain('خراب ہو رہا ہے')
  })
})

describe('pathRuns', () => {
  it("splits the scorecard page's sparkline path into its unbroken runs", () => {
    expect(pathRuns('M3 27 L34.3 10.5 M65.7 8 L97 3')).toEqual([
      [
        [3, 27],
        [34.3, 10.5],
      ],
      [
        [65.7, 8],
        [97, 3],
      ],
    ])
    expect(pathRuns('M3 15')).toEqual([[[3, 15]]])
    expect(pathRuns('')).toEqual([])
  })
})
