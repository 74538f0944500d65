import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { classifyWord, resolveLevels, visualOrder } from '../../server/pdf/bidi'
import { layoutText, type TextBlock } from '../../server/pdf/textLayout'
import { writeResultsPdf, type ResultsPdfInput } from '../../server/exports/resultsPdf/resultsPdf'
import type { LanguageCode } from '../../server/i18n/languages'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import type { AnswerCounts } from '../../server/results/countAnswers'
import { toResultsFilter } from '../../server/results/resultsFilterForm'
import { buildSurveyResults } from '../../server/results/surveyResults'
import { loadTemplate } from '../../server/surveys/templates'
import { handCounts } from '../results/handCounts'

/** The interface words exactly as the app loads them. */
const translatorFor = async (language: LanguageCode): Promise<Translate> =>
  (await createTranslator())(language)

const template = loadTemplate('what-i-need')
const threshold = 10

// 49 responses. "listened-to": 30 very important, 12 important: 42 answered, nothing withheld.
// "safe": 23 very important, 17 important, 9 not important. 9 is under 10, so it is withheld, and
// with it 17 (the smallest count still shown), or 49 - 23 - 9 would give it back. "healthiest":
// only 5 answered, so nothing about it is shown.
const counts: AnswerCounts = handCounts(49, {
  'listened-to': { 'very-important': 30, important: 12, 'not-important': 0, 'dont-know': 0 },
  healthiest: { 'very-important': 3, important: 2 },
  safe: { 'very-important': 23, important: 17, 'not-important': 9 },
  'accepted-valued': { 'very-important': 20, important: 20, 'not-important': 0 },
  'prepared-future': { 'very-important': 25, important: 15 },
  'enjoy-life': { 'very-important': 40 },
  'life-better': { answered: 30, written: 22 },
  'age-group': { '12-15': 20, '16-18': 15 },
  helper: { no: 30, 'parent-carer': 12 },
})

async function inputFor(
  language: LanguageCode,
  overrides: Partial<ResultsPdfInput> = {},
): Promise<ResultsPdfInput> {
  const words = template.words[language]
  if (!words) throw new Error(`what-i-need has no ${language} words`)
  return {
    results: buildSurveyResults({ definition: template.definition, counts, threshold }),
    definition: template.definition,
    words,
    t: await translatorFor(language),
    language,
    organisationName: 'Northshire SEND Partnership',
    filter: toResultsFilter({ from: '2025-04-01', to: '2025-06-30', aboutYou: { 'age-group': '12-15' } }),
    ...overrides,
  }
}

async function pdfOf(input: ResultsPdfInput): Promise<Buffer> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  await writeResultsPdf(input, sink)
  return Buffer.concat(chunks)
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-pdf-'))
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true })
})

let written = 0
function saved(pdf: Buffer): string {
  const file = path.join(folder, `report-${String(++written)}.pdf`)
  fs.writeFileSync(file, pdf)
  return file
}

/** The PDF's text as poppler's pdftotext reads it: pages split by form feeds. */
const pdfText = (pdf: Buffer, ...options: string[]): string =>
  execFileSync('pdftotext', [...options, saved(pdf), '-'], { encoding: 'utf8' })

const pdfInfo = (pdf: Buffer): string => execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' })

describe('writeResultsPdf in English', () => {
  let pdf: Buffer
  let text: string
  beforeAll(async () => {
    pdf = await pdfOf(await inputFor('en'))
    // The day it was made differs from run to run, so it is left out of the checks on numbers.
    text = pdfText(pdf, '-layout').replace(/Produced on .*/, '')
  })

  it('is a titled, tagged A4 PDF in English by the organisation', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const info = pdfInfo(pdf)
    expect(info).toMatch(/^Title:\s+Results: What I need$/m)
    expect(info).toMatch(/^Author:\s+Northshire SEND Partnership$/m)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)$/m)
    const raw = pdf.toString('latin1')
    expect(raw).toContain('/Lang (en)')
    expect(raw).toContain('/DisplayDocTitle true')
  })

  it('says on its title page which responses it covers and how figures are worked out', () => {
    const titlePage = text.split('\f')[0] ?? ''
    expect(titlePage).toContain('Results: What I need')
    expect(titlePage).toContain('Northshire SEND Partnership')
    expect(titlePage).toMatch(/Submitted\s+1 April 2025 to 30 June 2025/)
    expect(titlePage).toMatch(/Language answered in\s+Any language/)
    expect(titlePage).toMatch(/How old are you\?\s+12 to 15/)
    expect(titlePage).toMatch(/Did someone help you answer\?\s+Anyone/)
    expect(titlePage).toContain('Responses: 49')
    expect(titlePage).toContain('Numbers under 10 are not shown')
    expect(titlePage).toContain('Each percentage is of the people who answered that question')
  })

  it('gives each headline with its 95% interval, as worked out by hand', () => {
    // listened-to: p = 30/42 = 71.43%. Wilson with z = 1.959964: z^2/n = 3.841459/42 = 0.091463;
    // centre = (0.714286 + 0.045732) / 1.091463 = 0.696329; half = 1.795720 * sqrt(0.714286 *
    // 0.285714 / 42 + 0.091463 / 168) = 0.132001: 56.43% to 82.83%.
    expect(text).toContain('71.4% rated this very important')
    expect(text).toContain(
      '95% confidence interval: 56.4% to 82.8%. Based on 42 answers, 30 of them positive.',
    )
    // safe: p = 23/49 = 46.94%; z^2/n = 0.078397; centre = (0.469388 + 0.039199) / 1.078397 =
    // 0.471613; half = 1.817488 * sqrt(0.005083 + 0.000400) = 0.134578: 33.70% to 60.62%.
    expect(text).toContain('46.9% rated this very important')
    expect(text).toContain('95% confidence interval: 33.7% to 60.6%.')
    expect(text).toMatch(/Very important\s+30\s+71\.4%/)
    expect(text).toMatch(/I don't know\s+0\s+not in percentages/)
    expect(text).toContain('42 answered; percentages are of 42')
  })

  it('shows withheld counts in words and never their values', () => {
    expect(text).toMatch(/Important\s+fewer than 10\s+not shown/)
    expect(text).toMatch(/Not important\s+fewer than 10\s+not shown/)
    // As a number standing alone, as a count would; 46.9% has a 9 in it.
    expect(text).not.toMatch(/(^|\s)17(\s|$)/m)
    expect(text).not.toMatch(/(^|\s)9(\s|$)/m)
    expect(text).toContain('Fewer than 10 people answered this question, so the answers are not shown.')
    expect(text).toContain('22 people wrote an answer.')
  })

  it('numbers every page and keeps each question on one page', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '')
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${String(index + 1)} of ${String(pages.length)}`)
    })
    for (const title of ['I need to be safe and feel safe.', 'Did someone help you answer?']) {
      const page = pages.slice(1).find((candidate) => candidate.includes(title)) ?? ''
      const rest = page.slice(page.indexOf(title))
      expect(rest).toMatch(/answered; percentages are of/)
    }
  })

  it('says "fewer than 10" when the whole selection is small', async () => {
    const small = buildSurveyResults({
      definition: template.definition,
      counts: handCounts(6, {}),
      threshold,
    })
    const smallText = pdfText(await pdfOf(await inputFor('en', { results: small })), '-layout')
    expect(smallText).toContain('Responses: fewer than 10')
    expect(smallText).not.toMatch(/Responses: 6/)
  })
})

describe('writeResultsPdf in Welsh and Urdu', () => {
  it('embeds a font with the Welsh letters, which come back out as text', async () => {
    const pdf = await pdfOf(await inputFor('cy', { organisationName: 'Partneriaeth AAA Gŵyr' }))
    const text = pdfText(pdf, '-layout')
    expect(text).toContain('Beth sydd ei angen arna i')
    expect(text).toContain('Partneriaeth AAA Gŵyr')
    expect(text).toMatch(/Faint yw eich oed chi\?\s+12 i 15/)
    expect(pdf.toString('latin1')).toContain('/Lang (cy)')
  })

  it('tags Urdu with its words in reading order', async () => {
    const pdf = await pdfOf(await inputFor('ur'))
    expect(pdf.toString('latin1')).toContain('/Lang (ur)')
    // pdftotext writes right-to-left text back to front between U+202B and U+202C; turning those
    // runs round gives the words as typed, which it took from the tags' ActualText.
    const text = pdfText(pdf).replace(/\u202B([^\u202C]*)\u202C/g, (_, run: string) =>
      Array.from(run).reverse().join(''),
    )
    // Whole Urdu strings come back in reading order; pdftotext reorders runs that mix scripts.
    expect(text).toContain('مجھے کیا چاہیے')
    expect(text).toContain('اس رپورٹ میں شامل جوابات')
    expect(text).toContain('کیا جواب دینے میں کسی نے آپ کی مدد کی؟')
  })
})

describe('right-to-left words', () => {
  const classes = (text: string) => text.split(' ').map(classifyWord)
  const order = (text: string, base: 'ltr' | 'rtl') => {
    const words = text.split(' ')
    return visualOrder(resolveLevels(words.map(classifyWord), base)).map((index) => words[index])
  }

  it('tells Urdu, Latin, numbers and punctuation apart', () => {
    expect(classes('آپ Gŵyr 95.0% – ۱۲')).toEqual(['R', 'L', 'EN', 'N', 'EN'])
  })

  it('puts words in display order, left to right on the page', () => {
    expect(order('one two three', 'ltr')).toEqual(['one', 'two', 'three'])
    expect(order('آپ کی عمر', 'rtl')).toEqual(['عمر', 'کی', 'آپ'])
    // Numbers keep their own order inside right-to-left text: "from 12 to 15".
    expect(order('12 سے 15', 'rtl')).toEqual(['15', 'سے', '12'])
    // An English phrase inside Urdu stays left to right, and so does Urdu inside English.
    expect(order('ہم Very important ہیں', 'rtl')).toEqual(['ہیں', 'Very', 'important', 'ہم'])
    expect(order('Results: آپ کی', 'ltr')).toEqual(['Results:', 'کی', 'آپ'])
    expect(order('abc ہم 12', 'ltr')).toEqual(['abc', '12', 'ہم'])
  })
})

describe('layoutText', () => {
  // Every character one unit wide, so positions can be worked out by hand.
  const measure = (text: string) => Array.from(text).length
  const style = { size: 10, weight: 'regular', colour: '#000' } as const
  // Left-to-right words are followed by a real space; these checks are about the words.
  const words = (block: TextBlock) => block.lines[0]?.runs.filter((run) => run.text !== ' ') ?? []
  const runs = (block: TextBlock) =>
    block.lines.map((line) => line.runs.filter((run) => run.text !== ' ').map((run) => run.text))

  it('breaks lines between words and lines them up at the start edge', () => {
    const block = layoutText('aa bb cc', { style, width: 5, direction: 'ltr', measure })
    expect(runs(block)).toEqual([['aa', 'bb'], ['cc']])
    expect(words(block).map((run) => run.x)).toEqual([0, 3])
    expect(block.hasRightToLeft).toBe(false)
  })

  it('sets Urdu from the right, words reordered and brackets turned round', () => {
    const block = layoutText('آپ کی (عمر)', { style, width: 20, direction: 'rtl', measure })
    // Widths 2 + 1 + 2 + 1 + 5 = 11, so the line starts 9 from the left.
    expect(runs(block)).toEqual([['(', 'عمر', ')', 'کی', 'آپ']])
    expect(words(block)[0]?.x).toBe(9)
    expect(block.hasRightToLeft).toBe(true)
  })

  it('keeps a date with unbreakable spaces as one unit, in order inside it', () => {
    const block = layoutText('30\u00A0جون،\u00A02025', { style, width: 20, direction: 'rtl', measure })
    expect(runs(block)).toEqual([['2025', '\u00A0', 'جون،', '\u00A0', '30']])
  })

  it('takes Welsh letters from the Latin Extended face', () => {
    const block = layoutText('Gŵyr', { style, width: 20, direction: 'ltr', measure })
    expect(words(block).map((run) => [run.text, run.face])).toEqual([
      ['G', 'latin-regular'],
      ['ŵ', 'latin-ext-regular'],
      ['yr', 'latin-regular'],
    ])
  })
})
