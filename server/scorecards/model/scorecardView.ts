import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { paths } from '../../paths'
import { formatChange, formatDay, formatInterval, formatNumber, formatValue } from './formatFigures'
import { indicatorHandle } from './indicatorHandle'
import { parsePeriod } from './periods'
import { periodLabel } from './periodLabel'
import { sparkline } from './sparkline'
import { commentaryId, textIn, textKey } from './translations'
import type {
  IndicatorKind,
  RowReference,
  Scorecard,
  ScorecardGroup,
  ScorecardRow,
  ShownFact,
  Translations,
  Unit,
} from './types'

interface Words {
  t: Translate
  language: LanguageCode
  /** Officers' words in other languages; English shows where there is none, marked as English. */
  translations: Translations
}

/** A figure in words, and whether it is one, is withheld or is missing. */
export interface FactView {
  state: 'figure' | 'withheld' | 'none'
  value: string
  /** "n = 30", or empty when the figure has no count behind it. */
  n: string
  interval: string
  /** The interval's two ends alone, for a narrow column. */
  intervalEnds: { lower: string; upper: string } | null
}

function factView(fact: ShownFact, unit: Unit, threshold: number, { t, language }: Words): FactView {
  const empty = { n: '', interval: '', intervalEnds: null }
  if (fact.suppressed) return { state: 'withheld', value: t('scorecards.withheld', { threshold }), ...empty }
  if (fact.value === null) return { state: 'none', value: t('scorecards.noFigure'), ...empty }
  return {
    state: 'figure',
    value: formatValue(fact.value, unit, t, language),
    n:
      fact.denominator === null
        ? ''
        : t('scorecards.n', { n: formatNumber(fact.denominator, 'count', language) }),
    interval: fact.interval ? formatInterval(fact.interval, t, language) : '',
    intervalEnds: fact.interval && {
      lower: formatNumber(fact.interval.lower, 'percentage', language),
      upper: formatNumber(fact.interval.upper, 'percentage', language),
    },
  }
}

/** A figure and the day it was or is due: a baseline, a target. */
const datedFigure = (
  figure: { value: number; date: string } | null,
  unit: Unit,
  { t, language }: Words,
): { value: string; day: string } | null =>
  figure && { value: formatValue(figure.value, unit, t, language), day: formatDay(figure.date, language) }

/** A change in its unit with its sign: percentages move in points, "+10.7 points". */
function changeInUnit(change: number, unit: Unit, { t, language }: Words): string {
  const signed = formatChange(change, unit, language)
  return unit === 'percentage'
    ? t('scorecardPdf.points', { value: signed })
    : t(`scorecards.valueIn.${unit}`, { value: signed })
}

/** England's, the region's or neighbours' figure, and how the local one compares, in words. */
const referenceView = (reference: RowReference, unit: Unit, { t, language }: Words) => ({
  area: t(`scorecards.referenceArea.${reference.area}`),
  value: formatValue(reference.value, unit, t, language),
  comparison: reference.comparison,
  comparisonText: t(`scorecards.comparison.${reference.comparison}`, {
    area: t(`scorecards.referenceAreaIn.${reference.area}`),
  }),
  source: reference.source,
})

/** One indicator's line on a scorecard, every figure already in words, for the page and the PDF alike. */
function rowView(row: ScorecardRow, threshold: number, words: Words, officer: boolean) {
  const { t, language, translations } = words
  const { indicator } = row
  const wording = textIn(translations, language, textKey('indicator', indicator.id), indicator.wording)
  const commentary =
    row.commentary === null
      ? null
      : textIn(
          translations,
          language,
          textKey('commentary', commentaryId(indicator.id, row.period.key)),
          row.commentary,
        )
  const handle = indicatorHandle(indicator.number)
  const baseline = datedFigure(indicator.baseline, indicator.unit, words)
  const target = datedFigure(row.target, indicator.unit, words)
  // A withheld period is a gap in the chart, whatever its fact still holds.
  const history = row.history.map((fact) => (fact.suppressed ? { ...fact, value: null } : fact))
  const latest = history[history.length - 1]
  return {
    number: indicator.number,
    kindKey: indicator.kind satisfies IndicatorKind,
    wording: wording.text,
    /** 'en' when the wording is English on a page in another language (no translation yet). */
    wordingLang: wording.lang,
    source: indicator.source,
    owner: indicator.dataOwner,
    kind: t(`scorecards.kind.${indicator.kind}`),
    frequency: t(`scorecards.frequency.${indicator.frequency}`),
    goodIs: t(`scorecards.goodIs.${indicator.goodIs}`),
    period: periodLabel(row.period, t, language),
    baseline: baseline
      ? t('scorecards.baselineOn', { value: baseline.value, date: baseline.day })
      : t('scorecards.none'),
    baselineFigure: baseline,
    target: target
      ? t('scorecards.targetBy', { value: target.value, date: target.day })
      : t('scorecards.none'),
    targetFigure: target,
    current: factView(row.current, indicator.unit, threshold, words),
    rag: { status: row.rag, text: t(`scorecards.rag.${row.rag}`) },
    trend: {
      status: row.trend.status,
      text: t(`scorecards.trend.${row.trend.status}`),
      change:
        row.trend.change === null
          ? ''
          : t('scorecards.change', { change: formatChange(row.trend.change, indicator.unit, language) }),
      /** The change alone in its unit, "+10.7 points", or empty. */
      changeInUnit: row.trend.change === null ? '' : changeInUnit(row.trend.change, indicator.unit, words),
    },
    chart: {
      ...sparkline(history, indicator.unit),
      emphasiseLast: latest?.period === row.period.key && latest.value !== null,
      caption: t('scorecards.chartCaption', { indicator: indicator.number }),
      rows: history.map((fact) => {
        const period = parsePeriod(indicator.frequency, fact.period)
        return {
          period: period ? periodLabel(period, t, language) : fact.period,
          ...factView(fact, indicator.unit, threshold, words),
        }
      }),
    },
    commentary: commentary?.text ?? null,
    commentaryLang: commentary?.lang,
    references: row.references.map((reference) => referenceView(reference, indicator.unit, words)),
    links: officer
      ? {
          edit: paths.manage.scorecardIndicator(handle),
          values: indicator.kind === 'administrative' ? paths.manage.scorecardValues(handle) : undefined,
          commentary: `${paths.manage.scorecardCommentary(handle)}?period=${row.period.key}`,
          comparisons: paths.manage.scorecardComparisons(handle),
        }
      : undefined,
  }
}

export type ScorecardRowView = ReturnType<typeof rowView>

const groupTitle = (group: ScorecardGroup, { t, language, translations }: Words) =>
  group.outcome
    ? textIn(translations, language, textKey('outcome', group.outcome.id), group.outcome.statement)
    : { text: t('scorecards.overall'), lang: undefined }

/** The scorecard's "You said, we did", each side in the page's language where it has been translated. */
export const youSaidWeDidIn = (scorecard: Scorecard, { language }: Pick<Words, 'language'>) =>
  scorecard.youSaidWeDid.map((entry) => {
    const youSaid = textIn(scorecard.translations, language, textKey('you-said', entry.id), entry.youSaid)
    const weDid = textIn(scorecard.translations, language, textKey('we-did', entry.id), entry.weDid)
    return {
      id: entry.id,
      createdAt: entry.createdAt,
      youSaid: youSaid.text,
      youSaidLang: youSaid.lang,
      weDid: weDid.text,
      weDidLang: weDid.lang,
    }
  })

/**
 * A scorecard in words: its period, and its groups, each with its title, its link and its rows.
 * The page and the PDF are both drawn from this, so they cannot disagree about a figure.
 */
export function scorecardView(
  scorecard: Scorecard,
  language: Omit<Words, 'translations'>,
  options: { officer: boolean; outcomeHref?: (slug: string) => string },
) {
  const words: Words = { ...language, translations: scorecard.translations }
  return {
    organisation: scorecard.organisation.name,
    period: periodLabel(scorecard.asAt, words.t, words.language),
    computedAt: scorecard.computedAt,
    threshold: scorecard.threshold,
    groups: scorecard.groups.map((group) => {
      const title = groupTitle(group, words)
      return {
        slug: group.outcome?.slug ?? 'overall',
        title: title.text,
        titleLang: title.lang,
        href: options.outcomeHref?.(group.outcome?.slug ?? 'overall'),
        rows: group.rows.map((row) => rowView(row, scorecard.threshold, words, options.officer)),
      }
    }),
    youSaidWeDid: youSaidWeDidIn(scorecard, words),
  }
}

export type ScorecardView = ReturnType<typeof scorecardView>
