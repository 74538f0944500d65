import type { InformationPage, QuestionDefinition } from '../surveys/definitionSchema'

export type Step =
  { kind: 'question'; questionId: string } | { kind: 'page'; pageId: string } | { kind: 'check-answers' }

/**
 * Every step of the journey in order, check answers last: each asked question with the information
 * pages that come before it (in the order the survey lists them), then the pages that come after
 * the last question. A page before a skipped question is skipped with it.
 */
export function journeySteps(
  questions: readonly QuestionDefinition[],
  pages: readonly InformationPage[],
  asked: ReadonlySet<string>,
): Step[] {
  const pagesBefore = (questionId: string | undefined): Step[] =>
    pages.filter((page) => page.before === questionId).map((page) => ({ kind: 'page', pageId: page.id }))
  return [
    ...questions
      .filter((question) => asked.has(question.id))
      .flatMap((question): Step[] => [
        ...pagesBefore(question.id),
        { kind: 'question', questionId: question.id },
      ]),
    ...pagesBefore(undefined),
    { kind: 'check-answers' },
  ]
}
