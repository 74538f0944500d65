import { wilsonInterval } from '../../statistics/proportions'
import { isSmall, thresholdFrom } from '../../statistics/threshold'
import { withholdDisclosive, type DisclosureFact } from './disclosure'
import { periodContaining, periodsEndingWith, previousPeriod } from './periods'
import { ragStatus } from './rag'
import { compareWithReference } from './referenceComparison'
import { monthsOfFact } from './surveyFacts'
import { translationsOf, type StoredTranslation } from './translations'
import { applicableTarget } from './targets'
import { trendOf } from './trend'
import type {
  CommentaryByIndicator,
  Indicator,
  IndicatorFact,
  Outcome,
  PartFact,
  Period,
  ReferenceValue,
  Scorecard,
  ScorecardRow,
  ShownFact,
} from './types'
import { referenceAreas } from './types'

export interface ScorecardInput {
  organisation: Scorecard['organisation']
  asAt: Period
  /** Today (YYYY-MM-DD): in a quarter still running, figures are for the periods so far. */
  today: string
  threshold: number
  outcomes: readonly Outcome[]
  indicators: readonly Indicator[]
  facts: readonly IndicatorFact[]
  /** Each question's share of pooled indicators' facts: weighed for small numbers, never shown. */
  parts: readonly PartFact[]
  /** Figures already published, by `${indicatorId}/${period}`: they never change once public. */
  published: ReadonlyMap<string, ShownFact>
  commentary: CommentaryByIndicator
  youSaidWeDid: Scorecard['youSaidWeDid']
  computedAt: string | null
  /** Figures for England, the region and neighbours; those for each row's period are shown. */
  references: readonly ReferenceValue[]
  /** Officers' words in other languages; those of the texts shown are kept. */
  translations: readonly StoredTranslation[]
}

const historyLength = 8

const isDisclosive = (fact: IndicatorFact, threshold: number): boolean =>
  fact.numerator !== null &&
  fact.denominator !== null &&
  [fact.numerator, fact.denominator, fact.denominator - fact.numerator].some((count) =>
    isSmall(count, thresholdFrom(threshold)),
  )
const factKey = (indicatorId: string, period: string) => `${indicatorId}/${period}`

function disclosureFacts(input: ScorecardInput): DisclosureFact[] {
  const indicators = new Map(input.indicators.map((indicator) => [indicator.id, indicator]))
  // A part is never public, so it stands as already withheld; only a small one needs protecting (a
  // pooled figure minus the shown figures of its other questions must not give it back).
  const parts = input.parts.flatMap((part): DisclosureFact[] => {
    const indicator = indicators.get(part.indicatorId)
    const counting = indicator?.survey?.counting
    if (!indicator?.survey || !counting || !isDisclosive(part, input.threshold)) return []
    return [
      {
        key: `${factKey(part.indicatorId, part.period)}/${part.questionId}`,
        selection: {
          surveyId: indicator.survey.id,
          ...counting,
          questions: [part.questionId],
          months: monthsOfFact(indicator, part.period),
        },
        numerator: part.numerator,
        denominator: part.denominator,
        frozen: { suppressed: true },
      },
    ]
  })
  return [
    ...parts,
    ...input.facts.map((fact) => {
      const indicator = indicators.get(fact.indicatorId)
      const counting = indicator?.survey?.counting
      const key = factKey(fact.indicatorId, fact.period)
      const published = input.published.get(key)
      const shownPublished = published && !published.suppressed ? published : undefined
      return {
        key,
        selection:
          indicator?.survey && counting
            ? { surveyId: indicator.survey.id, ...counting, months: monthsOfFact(indicator, fact.period) }
            : null,
        numerator: shownPublished ? shownPublished.numerator : fact.numerator,
        denominator: shownPublished ? shownPublished.denominator : fact.denominator,
        frozen: published ? { suppressed: published.suppressed } : undefined,
      }
    }),
  ]
}

const emptyFact = (period: string): ShownFact => ({
  period,
  numerator: null,
  denominator: null,
  value: null,
  interval: null,
  suppressed: false,
})

function shownFact(fact: IndicatorFact, withheld: boolean): ShownFact {
  if (withheld) return { ...emptyFact(fact.period), suppressed: true }
  const { numerator, denominator } = fact
  return {
    period: fact.period,
    numerator,
    denominator,
    value: fact.value,
    interval: numerator !== null && denominator !== null ? wilsonInterval(numerator, denominator) : null,
    suppressed: false,
  }
}

/** Every fact as it may be shown: published ones as published, the rest with disclosive ones withheld. */
function shownFacts(input: ScorecardInput): Map<string, ShownFact> {
  const withheld = withholdDisclosive(disclosureFacts(input), input.threshold)
  const shown = new Map<string, ShownFact>()
  for (const fact of input.facts) {
    const key = factKey(fact.indicatorId, fact.period)
    shown.set(key, input.published.get(key) ?? shownFact(fact, withheld.has(key)))
  }
  for (const [key, fact] of input.published) if (!shown.has(key)) shown.set(key, fact)
  return shown
}

/**
 * The period an indicator reports for a quarter: its latest period that has ended by the quarter's
 * last day (a year's figure is last year's until the year is out), as scorecards report the latest
 * complete figures. In the quarter still running, it is the period so far: this month, not the
 * quarter's last month that has not come yet.
 */
export function reportingPeriod(indicator: Indicator, asAt: Period, today: string): Period {
  const holding = periodContaining(indicator.frequency, today < asAt.end ? today : asAt.end)
  return holding.end > asAt.end ? previousPeriod(holding) : holding
}

/** The reference values for an indicator's period, England first, each set against the local figure. */
function referencesFor(indicator: Indicator, period: Period, current: ShownFact, input: ScorecardInput) {
  return input.references
    .filter((each) => each.indicatorId === indicator.id && each.period === period.key)
    .sort((a, b) => referenceAreas.indexOf(a.area) - referenceAreas.indexOf(b.area))
    .map((each) => ({
      area: each.area,
      value: each.value,
      source: each.source,
      comparison: compareWithReference(current, each.value, indicator.goodIs),
    }))
}

function rowFor(indicator: Indicator, input: ScorecardInput, shown: Map<string, ShownFact>): ScorecardRow {
  const period = reportingPeriod(indicator, input.asAt, input.today)
  const history = periodsEndingWith(period, historyLength).map(
    (each) => shown.get(factKey(indicator.id, each.key)) ?? emptyFact(each.key),
  )
  const current = history[history.length - 1] ?? emptyFact(period.key)
  const previous = history[history.length - 2] ?? null
  const target = applicableTarget(indicator.targets, period)
  return {
    indicator,
    period,
    current,
    previous,
    target,
    rag: ragStatus({ ...indicator, value: current.value, suppressed: current.suppressed, target }),
    trend: trendOf({ kind: indicator.kind, goodIs: indicator.goodIs, current, previous }),
    history,
    commentary: input.commentary.get(indicator.id)?.get(period.key) ?? null,
    references: referencesFor(indicator, period, current, input),
  }
}

/** A scorecard for a quarter: every outcome's indicators with value, n, interval, target, RAG and trend. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const shown = shownFacts(input)
  const groupOf = (outcomeId: string | null) =>
    input.indicators
      .filter((indicator) => indicator.outcomeId === outcomeId)
      .map((each) => rowFor(each, input, shown))
  const groups = input.outcomes.map((outcome) => ({ outcome, rows: groupOf(outcome.id) }))
  const overall = groupOf(null)
  const scorecard = {
    organisation: input.organisation,
    asAt: input.asAt,
    threshold: input.threshold,
    groups: overall.length > 0 ? [...groups, { outcome: null, rows: overall }] : groups,
    youSaidWeDid: input.youSaidWeDid,
    computedAt: input.computedAt,
  }
  return { ...scorecard, translations: translationsOf(scorecard, input.translations) }
}
