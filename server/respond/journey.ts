import type { QuestionDefinition } from '../surveys/definitionSchema'
import type { StoredAnswer } from '../surveys/questionTypes/contract'

/** Answers by question id. A key that is present means the page has been answered (or skipped if optional). */
export type Answers = Record<string, StoredAnswer>

export type Step = { kind: 'question'; questionId: string } | { kind: 'check-answers' }

/**
 * The order of pages through a survey, decided from the definition and the answers so far alone.
 * Surveys run in a straight line today; routing rules would be added here and nowhere else.
 */
export class Journey {
  constructor(
    private readonly questions: readonly QuestionDefinition[],
    private readonly answers: Answers,
  ) {}

  get total(): number {
    return this.questions.length
  }

  indexOf(questionId: string): number {
    return this.questions.findIndex((question) => question.id === questionId)
  }

  question(questionId: string): QuestionDefinition | undefined {
    return this.questions.find((question) => question.id === questionId)
  }

  /** The first page still to be answered, or check answers once every page has been. */
  firstUnanswered(): Step {
    const question = this.questions.find(({ id }) => !(id in this.answers))
    return question ? { kind: 'question', questionId: question.id } : { kind: 'check-answers' }
  }

  /** A page can be visited once every page before it has been answered, so nobody skips ahead. */
  canVisit(step: Step): boolean {
    const index = step.kind === 'question' ? this.indexOf(step.questionId) : this.questions.length
    if (index < 0) return false
    return this.questions.slice(0, index).every(({ id }) => id in this.answers)
  }

  /** After a page: the following page, or check answers once everything is answered (as after a change). */
  next(questionId: string): Step {
    if (this.isComplete) return { kind: 'check-answers' }
    const following = this.questions[this.indexOf(questionId) + 1]
    return following ? { kind: 'question', questionId: following.id } : this.firstUnanswered()
  }

  previous(questionId: string): Step | 'start' {
    const index = this.indexOf(questionId)
    const before = index > 0 ? this.questions[index - 1] : undefined
    return before ? { kind: 'question', questionId: before.id } : 'start'
  }

  get isComplete(): boolean {
    return this.firstUnanswered().kind === 'check-answers'
  }
}
