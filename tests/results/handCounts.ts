import type { AnswerCounts, QuestionCounts } from '../../server/results/countAnswers'

type HandCounted = Record<string, number> | { answered: number; written: number }

function questionCounts(counts: HandCounted): QuestionCounts {
  if ('written' in counts && 'answered' in counts)
    return { answered: counts.answered, blank: 0, written: counts.written, options: new Map() }
  const options = new Map(Object.entries(counts))
  const answered = [...options.values()].reduce((sum, count) => sum + count, 0)
  return { answered, blank: 0, written: 0, options }
}

/**
 * AnswerCounts written by hand for single-answer questions: each question's counts by value, with
 * "answered" their total. Free text is given as { answered, written }.
 */
export function handCounts(responses: number, questions: Record<string, HandCounted>): AnswerCounts {
  return {
    surveyId: 'hand-counted',
    responses,
    questions: new Map(Object.entries(questions).map(([id, counts]) => [id, questionCounts(counts)])),
  }
}
