import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { optionLabeller } from '../../surveys/labels'
import type { SurveyWords } from '../../surveys/words'
import { figure } from '../figure'
import { headlineAnswersFor } from '../headlineAnswers'
import { formatFigure, formatPercent } from '../../statistics/figureText'
import { percentage, wilsonInterval } from '../../statistics/proportions'
import { denominatorOf } from '../suppression'
import type { Breakdown, GroupTable, QuestionBreakdown } from './loadBreakdown'

interface Context {
  threshold: number
  t: Translate
  language: LanguageCode
}

/** "34.5%" and "95%: 20.1%–51.0%", or why there is no share to show. */
function share(part: number, whole: number, context: Context) {
  const value = percentage(part, whole)
  const interval = wilsonInterval(part, whole)
  if (value === null || !interval) return { text: context.t('breakdown.noShare') }
  return {
    text: formatPercent(value, context.language),
    interval: context.t('breakdown.interval', {
      lower: formatPercent(interval.lower, context.language),
      upper: formatPercent(interval.upper, context.language),
    }),
  }
}

function groupRow(entry: GroupTable, groupLabel: string, context: Context) {
  const { table, hidden } = entry
  const figureText = (count: number, suppressed: boolean) =>
    formatFigure(figure(count, suppressed), context.threshold, context.t, context.language)
  const denominator = denominatorOf(table)
  const positives = table.cells.filter((cell) => cell.positive)
  const numerator = positives.reduce((sum, cell) => sum + cell.count, 0)
  return {
    group: groupLabel,
    answered: figureText(table.answered, hidden.question),
    cells: table.cells.map((cell, index) => {
      const cellHidden = hidden.question || (hidden.cells[index] ?? true)
      return {
        count: figureText(cell.count, cellHidden),
        share: cell.notCounted
          ? { text: context.t('breakdown.notInPercentages') }
          : cellHidden || hidden.denominator
            ? { text: context.t('breakdown.notShown') }
            : share(cell.count, denominator, context),
      }
    }),
    // A headline of one answer would repeat that answer's column.
    headline:
      positives.length < 2
        ? undefined
        : hidden.numerator || hidden.denominator || hidden.question
          ? { text: context.t('breakdown.notShown') }
          : share(numerator, denominator, context),
  }
}

function questionTable(
  breakdown: QuestionBreakdown,
  words: SurveyWords,
  groupLabel: (value: string | null) => string,
  context: Context,
) {
  const { question, groups } = breakdown
  const label = optionLabeller(question, words.questions[question.id], context.t)
  const first = groups[0]
  return {
    id: question.id,
    title: words.questions[question.id]?.title ?? question.id,
    columns: first ? first.table.cells.map((cell) => label(cell.value)) : [],
    headlineHeading:
      (headlineAnswersFor(question.type)?.length ?? 0) > 1
        ? context.t(`breakdown.headline.${question.type}`)
        : undefined,
    rows: groups.map((entry) => groupRow(entry, groupLabel(entry.group), context)),
  }
}

/** What the breakdown view shows: one table per counted question, a row per group, every figure formatted. */
export function breakdownPageModel(
  breakdown: Breakdown,
  words: SurveyWords,
  context: Omit<Context, 'threshold'>,
) {
  const full = { ...context, threshold: breakdown.threshold }
  const byLabel = optionLabeller(breakdown.by, words.questions[breakdown.by.id], context.t)
  const groupLabel = (value: string | null) =>
    value === null ? context.t('breakdown.noAnswer') : byLabel(value)
  return {
    threshold: breakdown.threshold,
    byTitle: words.questions[breakdown.by.id]?.title ?? breakdown.by.id,
    questions: breakdown.questions.map((question) => questionTable(question, words, groupLabel, full)),
  }
}
