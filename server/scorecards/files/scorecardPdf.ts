import type { Writable } from 'node:stream'
import { formatDate } from '../../i18n/formatDate'
import { directionOf, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { formatChange, formatDay, formatNumber, formatValue } from '../model/formatFigures'
import { periodLabel } from '../model/periodLabel'
import { parsePeriod } from '../model/periods'
import { sparkline } from '../model/sparkline'
import type { RagStatus, Scorecard, ScorecardGroup, ScorecardRow, Unit } from '../model/types'
import { colours, styles, Canvas } from '../../pdf/canvas'
import { cellTablePieces, placeTable } from '../../pdf/cellTable'
import { swatchCell, textCell, type Cell, type CellLine } from '../../pdf/cells'
import { Flow } from '../../pdf/flow'
import { numberPages } from '../../pdf/pageNumbers'
import { paragraphPiece } from '../../pdf/paragraph'
import { sparklineCell } from '../../pdf/sparkline'
import { writeTaggedPdf } from '../../pdf/writeTaggedPdf'
import { unbreakable, type TextStyle } from '../../pdf/textLayout'

export interface ScorecardPdfInput {
  scorecard: Scorecard
  t: Translate
  language: LanguageCode
}

interface Words {
  t: Translate
  language: LanguageCode
  threshold: number
}

// A4 landscape with 1.4 cm margins: ten columns need the width. The foot holds the page number.
const margins = { top: 40, bottom: 52, left: 40, right: 40 }

// Smaller than the results report's table text, since ten columns share the page.
const cell = {
  head: { size: 9, weight: 'bold', colour: colours.text },
  body: { size: 9, weight: 'regular', colour: colours.text },
  figure: { size: 10, weight: 'bold', colour: colours.text },
  detail: { size: 8, weight: 'regular', colour: colours.secondary },
} as const satisfies Record<string, TextStyle>

const columns = [
  'number',
  'indicator',
  'goodIs',
  'baseline',
  'target',
  'current',
  'rag',
  'trend',
  'chart',
  'commentary',
]
const shares = [0.04, 0.19, 0.065, 0.075, 0.075, 0.1, 0.1, 0.085, 0.095, 0.175]

// GOV.UK Design System colours; the states that are not a rating are grey.
const ragColours: Partial<Record<RagStatus, string>> = { green: '#00703c', amber: '#f47738', red: '#d4351c' }
const notRated = colours.rule

// The scorecard page's sparkline is drawn in a 100 x 30 box (scorecards/model/sparkline.ts).
const chart = { width: 70, height: 21, viewBox: { width: 100, height: 30 } }

/** A figure in its indicator's unit, as the scorecard page shows it: "66.7%", "25.0 weeks". */
const inUnit = (value: number, unit: Unit, { t, language }: Words): string =>
  unbreakable(formatValue(value, unit, t, language))

/** A change between periods with its sign and its unit: percentages move in points. */
function changeText(change: number, unit: Unit, { t, language }: Words): string {
  const signed = formatChange(change, unit, language)
  const value =
    unit === 'percentage'
      ? t('scorecardPdf.points', { value: signed })
      : t(`scorecards.valueIn.${unit}`, { value: signed })
  return t('scorecards.change', { change: unbreakable(value) })
}

/** A figure above when it was or is due (baseline, target), or "None". */
function datedFigure(
  canvas: Canvas,
  figure: { value: number; when: string } | null,
  unit: Unit,
  words: Words,
) {
  if (!figure) return textCell(canvas, [{ text: words.t('scorecards.none'), style: cell.detail }])
  return textCell(canvas, [
    { text: inUnit(figure.value, unit, words), style: cell.body },
    { text: figure.when, style: cell.detail },
  ])
}

function currentCell(canvas: Canvas, row: ScorecardRow, words: Words): Cell {
  const { t, language, threshold } = words
  const { current, indicator } = row
  const period: CellLine = { text: periodLabel(row.period, t, language), style: cell.detail }
  if (current.suppressed)
    return textCell(canvas, [{ text: t('scorecards.withheld', { threshold }), style: cell.body }, period])
  if (current.value === null)
    return textCell(canvas, [{ text: t('scorecards.noFigure'), style: cell.body }, period])
  const lines: CellLine[] = [{ text: inUnit(current.value, indicator.unit, words), style: cell.figure }]
  if (indicator.kind === 'survey' && current.denominator !== null)
    lines.push({
      text: t('scorecards.n', { n: formatNumber(current.denominator, 'count', language) }),
      style: cell.detail,
    })
  if (current.interval) {
    // Shorter than the page's "95% interval 48.8% to 80.8%", to fit the column.
    const interval = t('scorecardPdf.interval', {
      lower: formatNumber(current.interval.lower, 'percentage', language),
      upper: formatNumber(current.interval.upper, 'percentage', language),
    })
    lines.push({ text: unbreakable(interval), style: cell.detail })
  }
  return textCell(canvas, [...lines, period])
}

function chartCell(canvas: Canvas, row: ScorecardRow, words: Words): Cell {
  const { indicator } = row
  // A withheld period is a gap, whatever its fact still holds.
  const history = row.history.map((fact) => (fact.suppressed ? { ...fact, value: null } : fact))
  const latest = history[history.length - 1]
  const inWords = history.map((fact) => {
    const period = parsePeriod(indicator.frequency, fact.period)
    const label = period ? periodLabel(period, words.t, words.language) : fact.period
    const value = fact.suppressed
      ? words.t('scorecardPdf.chartNotShown')
      : fact.value === null
        ? words.t('scorecards.noFigure')
        : inUnit(fact.value, indicator.unit, words)
    return `${label}: ${value}`
  })
  return sparklineCell(canvas, {
    ...sparkline(history, indicator.unit),
    ...chart,
    emphasiseLast: latest?.period === row.period.key && latest.value !== null,
    alt: words.t('scorecardPdf.chartAlt', {
      indicator: indicator.wording,
      count: history.length,
      values: inWords.join('; '),
    }),
  })
}

function rowCells(canvas: Canvas, row: ScorecardRow, words: Words): Cell[] {
  const { t, language } = words
  const { indicator, trend, target } = row
  const { baseline, unit } = indicator
  const text = (value: string, style: TextStyle = cell.body) => textCell(canvas, [{ text: value, style }])
  return [
    text(indicator.number),
    textCell(canvas, [
      { text: indicator.wording, style: cell.body, gap: 4 },
      { text: t('scorecardPdf.source', { source: indicator.source }), style: cell.detail },
      { text: t('scorecardPdf.owner', { owner: indicator.dataOwner }), style: cell.detail },
      {
        text: t('scorecardPdf.frequency', { frequency: t(`scorecards.frequency.${indicator.frequency}`) }),
        style: cell.detail,
      },
    ]),
    text(t(`scorecards.goodIs.${indicator.goodIs}`)),
    datedFigure(
      canvas,
      baseline && { value: baseline.value, when: formatDay(baseline.date, language) },
      unit,
      words,
    ),
    datedFigure(
      canvas,
      target && {
        value: target.value,
        when: t('scorecardPdf.targetBy', { date: formatDay(target.date, language) }),
      },
      unit,
      words,
    ),
    currentCell(canvas, row, words),
    swatchCell(canvas, {
      colour: ragColours[row.rag] ?? notRated,
      size: 8,
      lines: [{ text: t(`scorecards.rag.${row.rag}`), style: cell.body }],
    }),
    textCell(canvas, [
      { text: t(`scorecards.trend.${trend.status}`), style: cell.body },
      {
        text: trend.change === null ? '' : changeText(trend.change, indicator.unit, words),
        style: cell.detail,
      },
    ]),
    chartCell(canvas, row, words),
    text(row.commentary ?? ''),
  ]
}

function groupPieces(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  group: ScorecardGroup,
  words: Words,
) {
  const { t } = words
  const heading = group.outcome?.statement ?? t('scorecards.overall')
  const section = canvas.doc.struct('Sect')
  parent.add(section)
  const table = cellTablePieces(canvas, section, {
    shares,
    head: columns.map((column) => t(`scorecardPdf.columns.${column}`)),
    headStyle: cell.head,
    rows: group.rows.map((row) => rowCells(canvas, row, words)),
  })
  const lead = [
    paragraphPiece(canvas, section, {
      tag: 'H2',
      text: heading,
      style: styles.heading,
      gap: 6,
      keepWithNext: true,
    }),
  ]
  return { heading, table: { ...table, lead } }
}

function titleBlock(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  scorecard: Scorecard,
  words: Words,
  now: Date,
) {
  const { t, language } = words
  const paragraph = (text: string, style: TextStyle, gap = 6, tag = 'P') =>
    paragraphPiece(canvas, parent, { tag, text, style, gap })
  const computed = scorecard.computedAt
    ? [
        paragraph(
          t('scorecardPdf.computed', {
            date: unbreakable(formatDate(new Date(scorecard.computedAt), language)),
          }),
          styles.body,
        ),
      ]
    : []
  return [
    paragraph(t('scorecardPdf.title'), styles.title, 4, 'H1'),
    paragraph(scorecard.organisation.name, styles.subtitle, 10),
    paragraph(
      t('scorecardPdf.quarter', { period: periodLabel(scorecard.asAt, t, language) }),
      styles.headline,
      8,
    ),
    paragraph(t('pdf.produced', { date: unbreakable(formatDate(now, language)) }), styles.body),
    ...computed,
    paragraph(t('scorecardPdf.ownPeriods'), styles.body),
    paragraph(t('scorecardPdf.withheldNote', { threshold: scorecard.threshold }), styles.body, 20),
  ]
}

function writeScorecard(doc: PDFKit.PDFDocument, input: ScorecardPdfInput, now: Date): void {
  const { scorecard, t, language } = input
  const words: Words = { t, language, threshold: scorecard.threshold }
  const canvas = new Canvas(doc, directionOf(language))
  const root = doc.struct('Document')
  doc.addStructure(root)
  const flow = new Flow(doc)
  flow.placeBlock(titleBlock(canvas, root, scorecard, words, now))
  // An outcome with no indicators yet has nothing for a board to read, so it is left out.
  for (const group of scorecard.groups.filter((candidate) => candidate.rows.length > 0)) {
    const { heading, table } = groupPieces(canvas, root, group, words)
    placeTable(flow, canvas, table, { gapAfter: 20, onStart: () => doc.outline.addItem(heading) })
  }
  numberPages(canvas, t)
}

/**
 * A scorecard as a PDF for boards, streamed to `output`: a title block saying whose it is and for
 * which quarter, then a table per outcome, each indicator a row that is never split across pages,
 * with its figures, its RAG rating and trend in words, and a small chart of recent periods. It holds
 * only what the scorecard shows, and never a withheld figure, whatever its fact still holds. A4 landscape, tagged, titled
 * and in the reader's language, with bookmarks per outcome; Urdu is laid out right to left.
 */
export async function writeScorecardPdf(input: ScorecardPdfInput, output: Writable): Promise<void> {
  const title = input.t('scorecardPdf.documentTitle', {
    period: periodLabel(input.scorecard.asAt, input.t, input.language),
  })
  const options = { title, author: input.scorecard.organisation.name, language: input.language, margins }
  await writeTaggedPdf({ ...options, layout: 'landscape' }, output, (doc, now) => {
    writeScorecard(doc, input, now)
  })
}
