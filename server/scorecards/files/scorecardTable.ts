import { languages, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { periodLabel } from '../model/periodLabel'
import { parsePeriod } from '../model/periods'
import { applicableTarget } from '../model/targets'
import {
  referenceAreas,
  type Indicator,
  type Period,
  type ScorecardRow,
  type Scorecard,
  type ShownFact,
  type Target,
} from '../model/types'

/** One cell of a scorecard download: words, a number, or nothing (an empty cell). */
export type ScorecardCell = string | number | null

export interface ScorecardTable {
  headings: string[]
  rows: ScorecardCell[][]
}

// Column headings are English, as in the other downloads: officers share these files with
// colleagues and analysts, and a sheet's columns keep the same names whatever language it was
// downloaded in. The words inside the cells (RAG, trend, periods) follow the language.
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
  ...referenceAreas.flatMap((area) => {
    const name = { england: 'England', region: 'Region', neighbours: 'Statistical neighbours' }[area]
    return [name, `${name} comparison`, `${name} source`]
  }),
]

const oneDecimal = (value: number): number => Math.round(value * 10) / 10

/** A figure in the indicator's unit: percentages to one decimal place, other figures as entered. */
const inUnit = (indicator: Indicator, value: number | null | undefined): number | null => {
  if (value === null || value === undefined) return null
  return indicator.unit === 'percentage' ? oneDecimal(value) : value
}

const count = (value: number | null): number | null => (value === null ? null : Math.round(value))

const languageName = (code: string): string =>
  languages.find((language) => language.code === code)?.name ?? code

/**
 * How a survey indicator is counted, in one plain sentence an analyst can check against the
 * survey: which questions, which answers are positive, which are left out, and whose responses.
 * English like the headings, since it names questions and answers by their stable ids.
 */
function describeCounting(indicator: Indicator): string {
  if (!indicator.survey) return 'Entered by its data owner'
  const { slug, counting } = indicator.survey
  const list = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '))
  const parts = [
    `Survey ${slug}`,
    `questions: ${list(counting.questions)}`,
    `positive answers: ${list(counting.positive)}`,
    `answers left out: ${list(counting.excluded)}`,
  ]
  const aboutYou = Object.entries(counting.aboutYou)
  if (aboutYou.length > 0)
    parts.push(
      `only responses with ${aboutYou.map(([question, answer]) => `${question} = ${answer}`).join(', ')}`,
    )
  if (counting.language) parts.push(`only responses in ${languageName(counting.language)}`)
  return parts.join('; ')
}

/** The figures of one period; a withheld fact shows none of them, whatever it holds. */
function figureCells(indicator: Indicator, fact: ShownFact): ScorecardCell[] {
  if (fact.suppressed) return [null, null, null, null, null, null, 'yes']
  const survey = indicator.kind === 'survey'
  return [
    inUnit(indicator, fact.value),
    survey ? count(fact.denominator) : null,
    count(fact.numerator),
    count(fact.denominator),
    fact.interval ? oneDecimal(fact.interval.lower) : null,
    fact.interval ? oneDecimal(fact.interval.upper) : null,
    'no',
  ]
}

/** England's, the region's and neighbours' figures for the scorecard's period, with how the local one compares. */
function referenceCells(row: ScorecardRow, t: Translate): ScorecardCell[] {
  return referenceAreas.flatMap((area) => {
    const reference = row.references.find((each) => each.area === area)
    if (!reference) return [null, null, null]
    return [
      inUnit(row.indicator, reference.value),
      t(`scorecards.comparison.${reference.comparison}`, { area: t(`scorecards.referenceAreaIn.${area}`) }),
      reference.source,
    ]
  })
}

/** The period's line for an indicator: the current one carries the scorecard's judgement. */
function periodLine(
  row: ScorecardRow,
  fact: ShownFact,
  words: { t: Translate; language: LanguageCode },
): ScorecardCell[] {
  const { indicator } = row
  const isCurrent = fact.period === row.period.key
  const period: Period | undefined = isCurrent ? row.period : parsePeriod(indicator.frequency, fact.period)
  // The current line keeps the target its RAG was judged against; earlier ones look theirs up.
  let target: Target | null = row.target
  if (!isCurrent) target = period ? applicableTarget(indicator.targets, period) : null
  // RAG and trend are computed for the scorecard's period only (against its target and the period
  // before it), so earlier periods leave them empty rather than guessing a judgement never made.
  const judgement: ScorecardCell[] = isCurrent
    ? [
        words.t(`scorecards.ragShort.${row.rag}`),
        words.t(`scorecards.trend.${row.trend.status}`),
        inUnit(indicator, row.trend.change),
        row.commentary,
        ...referenceCells(row, words.t),
      ]
    : [null, null, null, null, ...referenceAreas.flatMap(() => [null, null, null])]
  return [
    fact.period,
    period ? periodLabel(period, words.t, words.language) : null,
    period?.start ?? null,
    period?.end ?? null,
    ...figureCells(indicator, fact),
    inUnit(indicator, target?.value),
    target?.date ?? null,
    ...judgement,
  ]
}

/** What an indicator is, repeated on each of its lines so every line reads on its own. */
function indicatorCells(indicator: Indicator, t: Translate): ScorecardCell[] {
  return [
    indicator.number,
    indicator.wording,
    t(`scorecards.kind.${indicator.kind}`),
    t(`scorecards.unit.${indicator.unit}`),
    t(`scorecards.goodIs.${indicator.goodIs}`),
    t(`scorecards.frequency.${indicator.frequency}`),
    indicator.source,
    indicator.dataOwner,
    describeCounting(indicator),
    inUnit(indicator, indicator.baseline?.value),
    indicator.baseline?.date ?? null,
  ]
}

/** The periods an indicator has lines for: its history, ending with the scorecard's period. */
function factsOf(row: ScorecardRow): ShownFact[] {
  const hasCurrent = row.history.some((fact) => fact.period === row.period.key)
  return hasCurrent ? row.history : [...row.history, row.current]
}

/**
 * A scorecard as one table for the CSV and XLSX downloads: one line per indicator per period, the
 * periods of its history oldest first, ending with the scorecard's own period. Withheld figures are
 * empty cells with "yes" under Suppressed, never the number.
 */
export function scorecardTableRows(
  scorecard: Scorecard,
  t: Translate,
  language: LanguageCode,
): ScorecardTable {
  const rows = scorecard.groups.flatMap((group) => {
    const outcome = group.outcome?.statement ?? t('scorecards.overall')
    return group.rows.flatMap((row) => {
      const about = indicatorCells(row.indicator, t)
      return factsOf(row).map((fact) => [outcome, ...about, ...periodLine(row, fact, { t, language })])
    })
  })
  return { headings: [...headings], rows }
}
