import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { paths } from '../../paths'
import { formatChange, formatDay, formatInterval, formatValue } from '../model/formatFigures'
import { indicatorHandle } from '../store/indicatorQueries'
import { parsePeriod } from '../model/periods'
import { periodLabel } from '../model/periodLabel'
import { sparkline } from '../model/sparkline'
import type { Scorecard, ScorecardGroup, ScorecardRow, ShownFact, Unit } from '../model/types'

interface Words {
  t: Translate
  language: LanguageCode
}

function factText(fact: ShownFact, unit: Unit, threshold: number, { t, language }: Words) {
  if (fact.suppressed) return { value: t('scorecards.withheld', { threshold }), n: '', interval: '' }
  if (fact.value === null) return { value: t('scorecards.noFigure'), n: '', interval: '' }
  return {
    value: formatValue(fact.value, unit, t, language),
    n: fact.denominator === null ? '' : t('scorecards.n', { n: fact.denominator }),
    interval: fact.interval ? formatInterval(fact.interval, t, language) : '',
  }
}

/** One indicator's line on a scorecard page, every figure already in words. */
function rowView(row: ScorecardRow, threshold: number, words: Words, officer: boolean) {
  const { t, language } = words
  const { indicator } = row
  const handle = indicatorHandle(indicator.number)
  return {
    number: indicator.number,
    wording: indicator.wording,
    source: indicator.source,
    owner: indicator.dataOwner,
    kind: t(`scorecards.kind.${indicator.kind}`),
    frequency: t(`scorecards.frequency.${indicator.frequency}`),
    goodIs: t(`scorecards.goodIs.${indicator.goodIs}`),
    period: periodLabel(row.period, t, language),
    baseline: indicator.baseline
      ? t('scorecards.baselineOn', {
          value: formatValue(indicator.baseline.value, indicator.unit, t, language),
          date: formatDay(indicator.baseline.date, language),
        })
      : t('scorecards.none'),
    target: row.target
      ? t('scorecards.targetBy', {
          value: formatValue(row.target.value, indicator.unit, t, language),
          date: formatDay(row.target.date, language),
        })
      : t('scorecards.none'),
    current: factText(row.current, indicator.unit, threshold, words),
    rag: { status: row.rag, text: t(`scorecards.rag.${row.rag}`) },
    trend: {
      status: row.trend.status,
      text: t(`scorecards.trend.${row.trend.status}`),
      change:
        row.trend.change === null
          ? ''
          : t('scorecards.change', { change: formatChange(row.trend.change, indicator.unit, language) }),
    },
    chart: {
      ...sparkline(row.history, indicator.unit),
      caption: t('scorecards.chartCaption', { indicator: indicator.number }),
      rows: row.history.map((fact) => {
        const period = parsePeriod(indicator.frequency, fact.period)
        return {
          period: period ? periodLabel(period, t, language) : fact.period,
          ...factText(fact, indicator.unit, threshold, words),
        }
      }),
    },
    commentary: row.commentary,
    links: officer
      ? {
          edit: paths.manage.scorecardIndicator(handle),
          values: indicator.kind === 'administrative' ? paths.manage.scorecardValues(handle) : undefined,
          commentary: `${paths.manage.scorecardCommentary(handle)}?period=${row.period.key}`,
        }
      : undefined,
  }
}

const groupTitle = (group: ScorecardGroup, t: Translate): string =>
  group.outcome?.statement ?? t('scorecards.overall')

/** The groups of a scorecard, each with its title, its link and its rows in words. */
export function scorecardView(
  scorecard: Scorecard,
  words: Words,
  options: { officer: boolean; outcomeHref?: (slug: string) => string },
) {
  return {
    period: periodLabel(scorecard.asAt, words.t, words.language),
    threshold: scorecard.threshold,
    groups: scorecard.groups.map((group) => ({
      slug: group.outcome?.slug ?? 'overall',
      title: groupTitle(group, words.t),
      href: options.outcomeHref?.(group.outcome?.slug ?? 'overall'),
      rows: group.rows.map((row) => rowView(row, scorecard.threshold, words, options.officer)),
    })),
    youSaidWeDid: scorecard.youSaidWeDid,
  }
}
