import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { formatNumber, formatValue } from './formatFigures'
import { periodLabel } from './periodLabel'
import { parsePeriod } from './periods'
import type { RagStatus, Scorecard, ScorecardRow, ShownFact, TrendStatus, Unit } from './types'

interface Words {
  t: Translate
  language: LanguageCode
}

/**
 * The picture beside each outcome of the "I need" framework, from the bundled picture library; an
 * outcome an organisation adds of its own gets a speech bubble.
 */
const outcomePictures: Record<string, string> = {
  'listened-to': 'ear',
  healthiest: 'strong',
  safe: 'house',
  'accepted-valued': 'heart',
  'prepared-future': 'graduation',
  'enjoy-life': 'party',
}
const otherOutcomePicture = 'speech'
const acrossOutcomesPicture = 'family'

/**
 * A share in words a child can read: "about 7 in 10". Whole tenths only, and never "10 in 10" or
 * "0 in 10" for a share that is not all or none.
 */
export function inTens(percentage: number, { t }: Words): string {
  if (percentage >= 100) return t('easyReadScorecard.share.everyone')
  if (percentage <= 0) return t('easyReadScorecard.share.nobody')
  const tens = Math.round(percentage / 10)
  if (tens >= 10) return t('easyReadScorecard.share.almostEveryone')
  if (tens <= 0) return t('easyReadScorecard.share.fewerThanOne')
  return t('easyReadScorecard.share.about', { count: tens })
}

/** The figure in words: a share in tenths, or a number in its unit ("25 weeks"). */
function figureWords(fact: ShownFact, unit: Unit, words: Words): string {
  const { t, language } = words
  if (fact.suppressed) return t('easyReadScorecard.tooFew')
  if (fact.value === null) return t('easyReadScorecard.noFigure')
  if (unit === 'percentage') return inTens(fact.value, words)
  return formatValue(fact.value, unit, t, language)
}

const ragWords: Record<RagStatus, string> = {
  green: 'easyReadScorecard.rag.green',
  amber: 'easyReadScorecard.rag.amber',
  red: 'easyReadScorecard.rag.red',
  'no-target': 'easyReadScorecard.rag.noTarget',
  'too-few': 'easyReadScorecard.rag.tooFew',
  'no-data': 'easyReadScorecard.rag.noData',
  'not-rated': 'easyReadScorecard.rag.notRated',
}

const trendWords: Record<TrendStatus, string> = {
  improving: 'easyReadScorecard.trend.better',
  'getting-worse': 'easyReadScorecard.trend.worse',
  'no-real-change': 'easyReadScorecard.trend.same',
  up: 'easyReadScorecard.trend.up',
  down: 'easyReadScorecard.trend.down',
  'not-comparable': 'easyReadScorecard.trend.cannotCompare',
}

function rowWords(row: ScorecardRow, words: Words) {
  const { t, language } = words
  const { indicator, current } = row
  const answered =
    indicator.kind === 'survey' && current.denominator !== null && !current.suppressed
      ? t('easyReadScorecard.answered', {
          count: current.denominator,
          number: formatNumber(current.denominator, 'count', language),
        })
      : ''
  return {
    wording: indicator.wording,
    figure: figureWords(current, indicator.unit, words),
    answered,
    target: t(ragWords[row.rag]),
    rag: row.rag,
    trend: t(trendWords[row.trend.status]),
    history: row.history.map((fact) => {
      const period = parsePeriod(indicator.frequency, fact.period)
      return {
        period: period ? periodLabel(period, t, language) : fact.period,
        figure: figureWords(fact, indicator.unit, words),
      }
    }),
  }
}

/**
 * A published scorecard in easy read: each outcome with its picture, each figure in plain words
 * ("about 7 in 10", how many answered, whether it meets the target, whether it changed), with the
 * past figures as a table. Officers' own words (outcomes, indicators, "You said, we did") are kept
 * as they wrote them.
 */
export function easyReadView(scorecard: Scorecard, words: Words) {
  return {
    period: periodLabel(scorecard.asAt, words.t, words.language),
    threshold: scorecard.threshold,
    groups: scorecard.groups
      .filter((group) => group.rows.length > 0)
      .map((group) => ({
        slug: group.outcome?.slug ?? 'overall',
        title: group.outcome?.statement ?? words.t('easyReadScorecard.acrossOutcomes'),
        picture: group.outcome
          ? (outcomePictures[group.outcome.slug] ?? otherOutcomePicture)
          : acrossOutcomesPicture,
        rows: group.rows.map((row) => rowWords(row, words)),
      })),
    youSaidWeDid: scorecard.youSaidWeDid.map(({ youSaid, weDid }) => ({ youSaid, weDid })),
  }
}

export type EasyReadView = ReturnType<typeof easyReadView>
