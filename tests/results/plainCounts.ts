import type { AnswerCounts } from '../../server/results/countAnswers'

export interface PlainQuestionCounts {
  answered: number
  written: number
  options: Record<string, number>
}

/** Counts as plain objects, so a test can compare them with a table written out by hand. */
export function plainCounts(counts: AnswerCounts): {
  responses: number
  questions: Record<string, PlainQuestionCounts>
} {
  return {
    responses: counts.responses,
    questions: Object.fromEntries(
      [...counts.questions].map(([id, question]) => [
        id,
        {
          answered: question.answered,
          written: question.written,
          options: Object.fromEntries(question.options),
        },
      ]),
    ),
  }
}
