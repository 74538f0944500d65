import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { formatNumber, formatValue } from './formatFigures'
import { periodLabel } from './periodLabel'
import { parsePeriod } from './periods'
import { youSaidWeDidIn } from './scorecardView'
import { textIn, textKey } from './translations'
import type {
  RagStatus,
  Scorecard,
  ScorecardGroup,
  ScorecardRow,
  ShownFact,
  Translations,
  TrendStatus,
  Unit,
} from './types'

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

/** "About 6 in 10" inside a sentence: "it is about 6 in 10". */
const midSentence = (text: string, language: LanguageCode): string =>
  text.charAt(0).toLocaleLowerCase(language) + text.slice(1)

/** A figure from elsewhere, to say in words as the local one is said. */
const emptyFigure: ShownFact = {
  period: '',
  numerator: null,
  denominator: null,
  value: null,
  interval: null,
  suppressed: false,
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

function rowWords(row: ScorecardRow, words: Words, translations: Translations) {
  const { t, language } = words
  const { indicator, current } = row
  const wording = textIn(translations, language, textKey('indicator', indicator.id), indicator.wording)
  const answered =
    indicator.kind === 'survey' && current.denominator !== null && !current.suppressed
      ? t('easyReadScorecard.answered', {
          count: current.denominator,
          number: formatNumber(current.denominator, 'count', language),
        })
      : ''
  return {
    wording: wording.text,
    wordingLang: wording.lang,
    comparisons: row.references.map((reference) =>
      t(`easyReadScorecard.comparison.${reference.comparison}`, {
        area: t(`easyReadScorecard.area.${reference.area}`),
        figure: midSentence(
          figureWords({ ...emptyFigure, value: reference.value }, indicator.unit, words),
          language,
        ),
      }),
    ),
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
 * as they wrote them, in the page's language where they have translated them.
 */
export function easyReadView(scorecard: Scorecard, words: Words) {
  const { translations } = scorecard
  const titleOf = (group: ScorecardGroup) =>
    group.outcome
      ? textIn(translations, words.language, textKey('outcome', group.outcome.id), group.outcome.statement)
      : { text: words.t('easyReadScorecard.acrossOutcomes'), lang: undefined }
  return {
    period: periodLabel(scorecard.asAt, words.t, words.language),
    threshold: scorecard.threshold,
    groups: scorecard.groups
      .filter((group) => group.rows.length > 0)
      .map((group) => {
        const title = titleOf(group)
        return {
          slug: group.outcome?.slug ?? 'overall',
          title: title.text,
          titleLang: title.lang,
          picture: group.outcome
            ? (outcomePictures[group.outcome.slug] ?? otherOutcomePicture)
            : acrossOutcomesPicture,
          rows: group.rows.map((row) => rowWords(row, words, translations)),
        }
      }),
    youSaidWeDid: youSaidWeDidIn(scorecard, words),
  }
}

export type EasyReadView = ReturnType<typeof easyReadView>
