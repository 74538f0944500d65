import type { QuestionCounts } from './countAnswers'
import { figure } from './figure'
import { isSmall } from '../statistics/threshold'
import type { Figure } from '../statistics/types'

/**
 * How many in the selection were not asked a question (no answer stored: a condition skipped it, or
 * the version they answered did not have it) and how many were asked but left it blank. Neither is
 * in any percentage.
 *
 * Responses = answered + no answer + not asked, and the responses and the answered are published,
 * so the two are shown together or not at all: one shown alone would give the other back. Both are
 * withheld when either is from 1 to t - 1, when the total is withheld, and when the question's own
 * figures are (its answered would come back as the total minus the two).
 */
export function notAskedFigures(input: {
  counts: QuestionCounts | undefined
  responses: number
  questionHidden: boolean
  threshold: number
}): { notAsked: Figure; noAnswer: Figure } {
  const answered = input.counts?.answered ?? 0
  const blank = input.counts?.blank ?? 0
  const notAsked = Math.max(input.responses - answered - blank, 0)
  const hidden =
    input.questionHidden ||
    isSmall(input.responses, input.threshold) ||
    isSmall(notAsked, input.threshold) ||
    isSmall(blank, input.threshold)
  return { notAsked: figure(notAsked, hidden), noAnswer: figure(blank, hidden) }
}
