import type { Figure, Interval } from '../statistics/types'
import type { QuestionTypeName } from '../surveys/definitionSchema'

/**
 * The results of one survey for one selection of responses (a period, a language, an about-you
 * answer): what the results page, the summary CSV and the PDF report all show. Counts and
 * percentages that could identify someone are already suppressed here, so no output can leak them.
 */
export interface SurveyResults {
  surveyId: string
  /** Responses in the selection, and whether that total itself is too small to show. */
  responses: Figure
  /** The smallest count shown (an organisation setting, never below 5). */
  threshold: number
  questions: QuestionResult[]
}

export interface OptionResult {
  value: string
  /** How many chose it. */
  count: Figure
  /** Share of the denominator, 0-100; null for answers left out of percentages, or when suppressed. */
  percentage: number | null
  /** "I don't know", "prefer not to say": shown with their count, left out of percentages. */
  notCounted: boolean
}

export interface Headline {
  /** Which answers count as positive, e.g. ['very-important'] or ['strongly-agree', 'agree']. */
  positive: string[]
  numerator: Figure
  percentage: number | null
  /** 95% Wilson score interval, in percent; null when suppressed. */
  interval: Interval | null
}

export interface QuestionResult {
  questionId: string
  type: QuestionTypeName
  /** Everyone who answered (including "I don't know"). */
  answered: Figure
  /** The denominator of every percentage: answered minus the answers left out. */
  denominator: Figure
  options: OptionResult[]
  /** Importance, agreement and faces questions lead with this; absent for other types. */
  headline?: Headline
  /** Free-text questions: how many wrote something (their words are read elsewhere). */
  textAnswers?: Figure
  /** Number questions: the median and quartiles of the numbers given (server/results/numberResult.ts). */
  numbers?: NumberSummary
  /** In the selection but never asked it: skipped by a condition, or their version lacked it. */
  notAsked: Figure
  /** Asked, and left blank. Like "not asked", never in a percentage. */
  noAnswer: Figure
}

/** The middle of the numbers given and the quartiles either side; null when withheld. */
export interface NumberSummary {
  median: number | null
  lowerQuartile: number | null
  upperQuartile: number | null
}

/** Which responses the results cover. Every field narrows the selection; none means all. */
export interface ResultsFilter {
  from?: Date
  /** Exclusive. */
  to?: Date
  language?: string
  /** About-you answers, e.g. { 'age-group': '12-15' }. */
  aboutYou?: Record<string, string>
}
