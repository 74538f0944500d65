import type { Writable } from 'node:stream'
import { formatDate } from '../../i18n/formatDate'
import { directionOf, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { scorecardView, type ScorecardRowView, type ScorecardView } from '../model/scorecardView'
import type { Frequency, RagStatus, Scorecard } from '../model/types'
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

/** What the PDF draws: the scorecard page's own view, so every figure is in the page's words. */
interface Drawing {
  view: ScorecardView
  t: Translate
  language: LanguageCode
  /** The scorecard's period is a quarter, a half-year, a year or (looked at by month) a month. */
  frequency: Frequency
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

/** A figure above when it was or is due (baseline, target), or "None". */
function datedFigure(canvas: Canvas, figure: { value: string; when: string } | null, t: Translate) {
  if (!figure) return textCell(canvas, [{ text: t('scorecards.none'), style: cell.detail }])
  return textCell(canvas, [
    { text: unbreakable(figure.value), style: cell.body },
    { text: figure.when, style: cell.detail },
  ])
}

/** England's, the region's and neighbours' figures under the local one, each with how it compares. */
const referenceLines = (row: ScorecardRowView): CellLine[] =>
  row.references.flatMap((reference) => [
    { text: `${reference.area}: ${unbreakable(reference.value)}`, style: cell.detail },
    { text: reference.comparisonText, style: cell.detail },
  ])

function currentCell(canvas: Canvas, row: ScorecardRowView, t: Translate): Cell {
  const { current } = row
  const period: CellLine = { text: row.period, style: cell.detail }
  if (current.state !== 'figure')
    return textCell(canvas, [{ text: current.value, style: cell.body }, period, ...referenceLines(row)])
  const lines: CellLine[] = [{ text: unbreakable(current.value), style: cell.figure }]
  if (row.kindKey === 'survey' && current.n) lines.push({ text: current.n, style: cell.detail })
  // Shorter than the page's "95% interval 48.8% to 80.8%", to fit the column.
  if (current.intervalEnds)
    lines.push({ text: unbreakable(t('scorecardPdf.interval', current.intervalEnds)), style: cell.detail })
  return textCell(canvas, [...lines, period, ...referenceLines(row)])
}

function chartCell(canvas: Canvas, row: ScorecardRowView, t: Translate): Cell {
  const inWords = row.chart.rows.map(
    (past) =>
      `${past.period}: ${past.state === 'withheld' ? t('scorecardPdf.chartNotShown') : unbreakable(past.value)}`,
  )
  return sparklineCell(canvas, {
    path: row.chart.path,
    points: row.chart.points,
    emphasiseLast: row.chart.emphasiseLast,
    ...chart,
    alt: t('scorecardPdf.chartAlt', {
      indicator: row.wording,
      count: row.chart.rows.length,
      values: inWords.join('; '),
    }),
  })
}

function rowCells(canvas: Canvas, row: ScorecardRowView, t: Translate): Cell[] {
  const text = (value: string, style: TextStyle = cell.body) => textCell(canvas, [{ text: value, style }])
  return [
    text(row.number),
    textCell(canvas, [
      { text: row.wording, style: cell.body, gap: 4 },
      { text: t('scorecardPdf.source', { source: row.source }), style: cell.detail },
      { text: t('scorecardPdf.owner', { owner: row.owner }), style: cell.detail },
      { text: t('scorecardPdf.frequency', { frequency: row.frequency }), style: cell.detail },
    ]),
    text(row.goodIs),
    datedFigure(
      canvas,
      row.baselineFigure && { value: row.baselineFigure.value, when: row.baselineFigure.day },
      t,
    ),
    datedFigure(
      canvas,
      row.targetFigure && {
        value: row.targetFigure.value,
        when: t('scorecardPdf.targetBy', { date: row.targetFigure.day }),
      },
      t,
    ),
    currentCell(canvas, row, t),
    swatchCell(canvas, {
      colour: ragColours[row.rag.status] ?? notRated,
      size: 8,
      lines: [{ text: row.rag.text, style: cell.body }],
    }),
    textCell(canvas, [
      { text: row.trend.text, style: cell.body },
      {
        text: row.trend.changeInUnit
          ? t('scorecards.change', { change: unbreakable(row.trend.changeInUnit) })
          : '',
        style: cell.detail,
      },
    ]),
    chartCell(canvas, row, t),
    text(row.commentary ?? ''),
  ]
}

type GroupView = ScorecardView['groups'][number]

function groupPieces(canvas: Canvas, parent: PDFKit.PDFStructureElement, group: GroupView, t: Translate) {
  const section = canvas.doc.struct('Sect')
  parent.add(section)
  const table = cellTablePieces(canvas, section, {
    shares,
    head: columns.map((column) => t(`scorecardPdf.columns.${column}`)),
    headStyle: cell.head,
    rows: group.rows.map((row) => rowCells(canvas, row, t)),
  })
  const lead = [
    paragraphPiece(canvas, section, {
      tag: 'H2',
      text: group.title,
      style: styles.heading,
      gap: 6,
      keepWithNext: true,
    }),
  ]
  return { ...table, lead }
}

function titleBlock(
  canvas: Canvas,
  parent: PDFKit.PDFStructureElement,
  { view, t, language, frequency }: Drawing,
  now: Date,
) {
  const paragraph = (text: string, style: TextStyle, gap = 6, tag = 'P') =>
    paragraphPiece(canvas, parent, { tag, text, style, gap })
  const computed = view.computedAt
    ? [
        paragraph(
          t('scorecardPdf.computed', { date: unbreakable(formatDate(new Date(view.computedAt), language)) }),
          styles.body,
        ),
      ]
    : []
  return [
    paragraph(t('scorecardPdf.title'), styles.title, 4, 'H1'),
    paragraph(view.organisation, styles.subtitle, 10),
    paragraph(t(`scorecardPdf.asAt.${frequency}`, { period: view.period }), styles.headline, 8),
    paragraph(t('pdf.produced', { date: unbreakable(formatDate(now, language)) }), styles.body),
    ...computed,
    paragraph(t('scorecardPdf.ownPeriods'), styles.body),
    paragraph(t('scorecardPdf.withheldNote', { threshold: view.threshold }), styles.body, 20),
  ]
}

function writeScorecard(doc: PDFKit.PDFDocument, input: Drawing, now: Date): void {
  const canvas = new Canvas(doc, directionOf(input.language))
  const root = doc.struct('Document')
  doc.addStructure(root)
  const flow = new Flow(doc)
  flow.placeBlock(titleBlock(canvas, root, input, now))
  // An outcome with no indicators yet has nothing for a board to read, so it is left out.
  for (const group of input.view.groups.filter((candidate) => candidate.rows.length > 0)) {
    const table = groupPieces(canvas, root, group, input.t)
    placeTable(flow, canvas, table, { gapAfter: 20, onStart: () => doc.outline.addItem(group.title) })
  }
  numberPages(canvas, input.t)
}

/**
 * A scorecard as a PDF for boards, streamed to `output`, drawn from the same view as its page: a
 * title block saying whose it is and for which period, then a table per outcome, each indicator a
 * row that is never split across pages, with its figures, its RAG rating and trend in words, and a
 * small chart of recent periods. It holds only what the page shows, so never a withheld figure.
 * A4 landscape, tagged, titled and in the reader's language, with bookmarks per outcome; Urdu is
 * laid out right to left.
 */
export async function writeScorecardPdf(
  { scorecard, t, language }: ScorecardPdfInput,
  output: Writable,
): Promise<void> {
  const view = scorecardView(scorecard, { t, language }, { officer: false })
  const title = t('scorecardPdf.documentTitle', { period: view.period })
  const options = { title, author: view.organisation, language, margins }
  await writeTaggedPdf({ ...options, layout: 'landscape' }, output, (doc, now) => {
    writeScorecard(doc, { view, t, language, frequency: scorecard.asAt.frequency }, now)
  })
}
