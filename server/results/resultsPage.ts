import type { Translate } from '../i18n/translator'
import type { LanguageCode } from '../i18n/languages'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import type { SurveyWords } from '../surveys/words'
import { numberSummaryText } from './numberSummaryText'
import type { QuestionResult, SurveyResults } from './types'
import type { Figure } from '../statistics/types'
import { formatFigure, formatPercent, numberLocales } from '../statistics/figureText'

// Geometry of the bar charts, in SVG user units; the chart scales to the width it is given.
const chart = { width: 640, rowHeight: 48, labelHeight: 18, barHeight: 18, barSpace: 540 }

interface Context {
  threshold: number
  t: Translate
  language: LanguageCode
  rtl: boolean
  /** What each question's versions changed, by question id (server/surveyVersions/versionNotes.ts). */
  notes: ReadonlyMap<string, string[]>
}

/** "Not asked: 12", "No answer: 3": each only when shown and not nobody. */
function unaskedLines(result: QuestionResult, context: Context) {
  const line = (key: string, value: Figure) =>
    value.value === null || value.value === 0
      ? undefined
      : context.t(key, { number: formatFigure(value, context.threshold, context.t, context.language) })
  return {
    notAsked: line('versions.results.notAsked', result.notAsked),
    noAnswer: line('versions.results.noAnswer', result.noAnswer),
  }
}

function barChart(result: QuestionResult, label: (value: string) => string, context: Context) {
  const bars = result.options.filter((option) => !option.notCounted)
  // A chart missing its withheld bars would mislead: draw one only when every bar can be shown.
  if (
    bars.length === 0 ||
    result.denominator.value === null ||
    bars.some((option) => option.percentage === null)
  )
    return undefined
  return {
    width: chart.width,
    height: bars.length * chart.rowHeight,
    bars: bars.map((option, index) => {
      const length = Math.max(((option.percentage ?? 0) / 100) * chart.barSpace, 1)
      const top = index * chart.rowHeight
      return {
        /** 0-100, for the web page's bars; the geometry below is for drawings with a fixed width (the PDF). */
        share: Math.max(option.percentage ?? 0, 0.5),
        label: label(option.value),
        labelX: context.rtl ? chart.width : 0,
        labelY: top + chart.labelHeight - 4,
        barX: context.rtl ? chart.width - length : 0,
        barY: top + chart.labelHeight,
        barWidth: length,
        barHeight: chart.barHeight,
        valueText: formatPercent(option.percentage ?? 0, context.language),
        valueX: context.rtl ? chart.width - length - 6 : length + 6,
        valueY: top + chart.labelHeight + chart.barHeight - 4,
      }
    }),
    anchor: context.rtl ? 'end' : 'start',
  }
}

function questionModel(
  result: QuestionResult,
  definition: SurveyDefinition,
  words: SurveyWords,
  context: Context,
) {
  const { t, threshold, language } = context
  const question = definition.questions.find(({ id }) => id === result.questionId)
  const questionWords = words.questions[result.questionId]
  const label = question ? optionLabeller(question, questionWords, t) : (value: string) => value
  const figureText = (value: Figure) => formatFigure(value, threshold, t, language)
  const headline = result.headline
  return {
    id: result.questionId,
    title: questionWords?.title ?? result.questionId,
    notes: context.notes.get(result.questionId) ?? [],
    ...unaskedLines(result, context),
    suppressed: result.answered.suppressed,
    answered: figureText(result.answered),
    denominator: figureText(result.denominator),
    written: result.textAnswers && {
      count: result.textAnswers.value ?? 0,
      number: figureText(result.textAnswers),
    },
    headline:
      headline && headline.percentage !== null && headline.interval
        ? {
            text: t(`results.headline.${result.type}`, {
              percentage: formatPercent(headline.percentage, language),
            }),
            interval: t('results.interval', {
              lower: formatPercent(headline.interval.lower, language),
              upper: formatPercent(headline.interval.upper, language),
            }),
            basis: t('results.basedOn', {
              positive: headline.numerator.value ?? 0,
              denominator: figureText(result.denominator),
            }),
          }
        : undefined,
    headlineSuppressed: headline !== undefined && headline.percentage === null,
    numbers: numberSummaryText(result, {
      t,
      threshold,
      format: (value) =>
        new Intl.NumberFormat(numberLocales[language], { maximumFractionDigits: 2 }).format(value),
    }),
    chart: barChart(result, label, context),
    rows: result.options.map((option) => ({
      label: label(option.value),
      count: figureText(option.count),
      percentage: option.notCounted
        ? t('results.notInPercentages')
        : option.percentage === null
          ? t('results.notShown')
          : formatPercent(option.percentage, language),
    })),
  }
}

/**
 * What the results view shows: every figure already formatted, suppressed ones in words. For a
 * survey with several versions, the definition and words are the combined ones and `notes` say
 * what changed between versions (see server/surveyVersions).
 */
export function resultsPageModel(input: {
  results: SurveyResults
  definition: SurveyDefinition
  words: SurveyWords
  t: Translate
  language: LanguageCode
  rtl: boolean
  notes?: ReadonlyMap<string, string[]>
}) {
  const context = {
    threshold: input.results.threshold,
    t: input.t,
    language: input.language,
    rtl: input.rtl,
    notes: input.notes ?? new Map<string, string[]>(),
  }
  return {
    responses: formatFigure(input.results.responses, input.results.threshold, input.t, input.language),
    threshold: input.results.threshold,
    questions: input.results.questions.map((result) =>
      questionModel(result, input.definition, input.words, context),
    ),
  }
}
