import type { LanguageCode } from '../../i18n/languages'
import type { Interval } from '../../statistics/types'

export const units = ['percentage', 'count', 'rate', 'weeks'] as const
export type Unit = (typeof units)[number]

/** Which way is better: "up" (more is better), "down" (less is better), or "neither". */
export const directions = ['up', 'down', 'neither'] as const
export type GoodIs = (typeof directions)[number]

export const frequencies = ['monthly', 'quarterly', 'termly', 'six-monthly', 'annual'] as const
export type Frequency = (typeof frequencies)[number]

/**
 * How often an organisation publishes its scorecard (its setting, migration 0020): the frequencies
 * a board reviews at. Months are looked at, never published; terms do not suit a calendar-year plan.
 */
export const publishFrequencies = [
  'quarterly',
  'six-monthly',
  'annual',
] as const satisfies readonly Frequency[]
export type PublishFrequency = (typeof publishFrequencies)[number]

export const indicatorKinds = ['survey', 'administrative'] as const
export type IndicatorKind = (typeof indicatorKinds)[number]

/**
 * How a survey indicator is counted from responses. Every answer to any of `questions` by a response
 * in the selection is one rating: positive ones are the numerator; all but the `excluded` ones are
 * the denominator. With several questions the ratings are pooled (the overall headline: all
 * importance ratings, the share "very important").
 */
export interface SurveyCounting {
  questions: string[]
  positive: string[]
  excluded: string[]
  /** Only responses with these about-you answers (e.g. { "age-group": "12-15" }). */
  aboutYou: Record<string, string>
  /** Only responses given in this language. */
  language?: string
}

export interface Target {
  /** YYYY-MM-DD */
  date: string
  value: number
}

export interface Indicator {
  id: string
  /** null: across all outcomes, such as a survey's overall headline. */
  outcomeId: string | null
  /** "2.3": sorts and reads as outcome 2, indicator 3. */
  number: string
  wording: string
  kind: IndicatorKind
  unit: Unit
  goodIs: GoodIs
  frequency: Frequency
  source: string
  dataOwner: string
  baseline: { value: number; date: string } | null
  /** How far from the target, in the indicator's unit, still counts as amber rather than red. */
  amberTolerance: number
  targets: Target[]
  /** Survey indicators only. */
  survey?: { id: string; slug: string; counting: SurveyCounting }
}

export interface Outcome {
  id: string
  slug: string
  position: number
  statement: string
}

/**
 * A period of an indicator's frequency, named by a key that sorts in time order:
 * monthly 2026-10, quarterly 2026-Q4 (calendar quarters), termly 2026-T1 (autumn: September to
 * December), 2027-T2 (spring: January to March), 2027-T3 (summer: April to August), six-monthly
 * 2026-H2, annual 2026. Every period is a run of whole months, in London time.
 */
export interface Period {
  key: string
  frequency: Frequency
  /** First day, YYYY-MM-DD. */
  start: string
  /** Last day, YYYY-MM-DD (inclusive). */
  end: string
}

/** An indicator's figure for one period, as stored: raw counts, nothing withheld yet. */
export interface IndicatorFact {
  indicatorId: string
  period: string
  /** Survey indicators: ratings that were positive, and ratings counted. null for administrative. */
  numerator: number | null
  denominator: number | null
  /** The percentage (survey) or the entered figure (administrative); null when nobody was counted. */
  value: number | null
}

/** One question's share of a pooled indicator's fact: never shown, only weighed for small numbers. */
export interface PartFact extends IndicatorFact {
  questionId: string
}

/** A fact as shown: withheld figures are null and `suppressed` says so. */
export interface ShownFact {
  period: string
  numerator: number | null
  denominator: number | null
  value: number | null
  interval: Interval | null
  suppressed: boolean
}

/**
 * RAG status against the target that applies to the period. Always shown in words as well as colour.
 * no-target: the indicator has no targets. too-few: the figure is withheld (not enough responses).
 * no-data: no figure for the period. not-rated: good is neither up nor down.
 */
export const ragStatuses = ['green', 'amber', 'red', 'no-target', 'too-few', 'no-data', 'not-rated'] as const
export type RagStatus = (typeof ragStatuses)[number]

/**
 * Trend against the previous period. For survey percentages, improving and getting-worse need a
 * two-proportion test significant at 5%; otherwise no-real-change. For administrative figures the
 * raw change decides, and `change` states it. not-comparable: either period has no figure to show.
 * For good-is-neither indicators, up and down say which way it moved.
 */
export const trendStatuses = [
  'improving',
  'getting-worse',
  'no-real-change',
  'up',
  'down',
  'not-comparable',
] as const
export type TrendStatus = (typeof trendStatuses)[number]

export interface Trend {
  status: TrendStatus
  /** Current minus previous value, in the indicator's unit; null when not comparable. */
  change: number | null
  /** Survey percentages: the test's two-sided p-value. */
  pValue: number | null
}

/** Where a reference value is for: England, the region, or the council's statistical neighbours. */
export const referenceAreas = ['england', 'region', 'neighbours'] as const
export type ReferenceArea = (typeof referenceAreas)[number]

/** An indicator's figure elsewhere for one of its periods, with where it came from. */
export interface ReferenceValue {
  indicatorId: string
  period: string
  area: ReferenceArea
  value: number
  source: string
}

/**
 * How the local figure stands against a reference value. Where it has a count behind it, it is
 * better or worse (higher or lower when good is neither) only when the reference lies outside its
 * 95% interval, else similar. not-tested: a figure with no count (administrative figures record
 * every case, so there is nothing to test). no-figure: nothing local to compare.
 */
export const referenceComparisons = [
  'better',
  'worse',
  'higher',
  'lower',
  'similar',
  'not-tested',
  'no-figure',
] as const
export type ReferenceComparison = (typeof referenceComparisons)[number]

export interface RowReference {
  area: ReferenceArea
  value: number
  source: string
  comparison: ReferenceComparison
}

/** Officers' words that can be translated: what the text is, in `${subject}:${id}` keys. */
export const textSubjects = ['outcome', 'indicator', 'commentary', 'you-said', 'we-did'] as const
export type TextSubject = (typeof textSubjects)[number]

/**
 * Officers' words in languages other than English, by language and then by `${subject}:${id}`
 * (commentary's id is `${indicatorId}/${period}`). What has none is shown in English.
 */
export type Translations = Partial<Record<LanguageCode, Record<string, string>>>

/** One indicator on a scorecard for one period. */
export interface ScorecardRow {
  indicator: Indicator
  period: Period
  current: ShownFact
  previous: ShownFact | null
  /** The target that applies to the period, if any. */
  target: Target | null
  rag: RagStatus
  trend: Trend
  /** Up to eight periods ending with the current one, oldest first, for the small chart. */
  history: ShownFact[]
  commentary: string | null
  /** England, the region, neighbours: those entered for the row's period, in that order. */
  references: RowReference[]
}

export interface ScorecardGroup {
  /** null: across all outcomes. */
  outcome: Outcome | null
  rows: ScorecardRow[]
}

export interface YouSaidWeDid {
  id: string
  youSaid: string
  weDid: string
  /** ISO 8601; scorecards are stored as JSON when published. */
  createdAt: string
}

/** Everything every scorecard output shows: pages, downloads, snapshots. Suppression already applied. */
export interface Scorecard {
  organisation: { name: string; slug: string }
  /**
   * The period the scorecard is for, of the organisation's publishing frequency (or a month, when
   * officers look by month); each indicator shows its own latest period ended by its last day.
   */
  asAt: Period
  threshold: number
  groups: ScorecardGroup[]
  youSaidWeDid: YouSaidWeDid[]
  /** When the facts were last recomputed; null if never. */
  computedAt: string | null
  /** The scorecard's own officer words in other languages. */
  translations: Translations
}

/** Ratings counted by month, language, about-you answers, question and answer: one survey's counts. */
export interface CubeCell {
  month: string
  language: string
  aboutYou: Record<string, string>
  questionId: string
  answer: string
  ratings: number
}

/** Which ratings a survey fact counts: its indicator's counting, over the months (YYYY-MM) of its period. */
export interface FactSelection {
  surveyId: string
  questions: string[]
  positive: string[]
  excluded: string[]
  aboutYou: Record<string, string>
  language?: string
  months: string[]
}

/** Commentary by indicator id, then by period. */
export type CommentaryByIndicator = Map<string, Map<string, string>>
