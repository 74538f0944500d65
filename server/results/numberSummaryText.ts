import type { Translate } from '../i18n/translator'
import type { QuestionResult } from './types'

/** The words under a number question's result: the median and the middle half, or why they are not shown. */
export function numberSummaryText(
  result: QuestionResult,
  context: { t: Translate; threshold: number; format: (value: number) => string },
): { median: string; middleHalf?: string } | undefined {
  const { t, threshold, format } = context
  const summary = result.numbers
  if (!summary) return undefined
  if (summary.median === null || summary.lowerQuartile === null || summary.upperQuartile === null)
    return { median: t('numberResults.tooFew', { count: threshold }) }
  return {
    median: t('numberResults.median', { median: format(summary.median) }),
    middleHalf: t('numberResults.middleHalf', {
      lower: format(summary.lowerQuartile),
      upper: format(summary.upperQuartile),
    }),
  }
}
