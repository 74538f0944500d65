import type { InformationPage, QuestionDefinition } from '../surveys/definitionSchema'
import type { StoredAnswer } from '../surveys/questionTypes/contract'
import { askedQuestions } from './askedQuestions'
import { journeySteps, type Step } from './journeySteps'

/** Answers by question id. A key that is present means the page has been answered (or skipped if optional). */
export type Answers = Record<string, StoredAnswer>

export type { Step }

/** What the journey is made from; a bare list of questions is a survey without pages. */
export type JourneyDefinition =
  | readonly QuestionDefinition[]
  | { questions: readonly QuestionDefinition[]; informationPages?: readonly InformationPage[] }

const sameStep = (a: Step, b: Step): boolean =>
  (a.kind === 'question' && b.kind === 'question' && a.questionId === b.questionId) ||
  (a.kind === 'page' && b.kind === 'page' && a.pageId === b.pageId) ||
  (a.kind === 'check-answers' && b.kind === 'check-answers')

const asStep = (step: Step | string): Step =>
  typeof step === 'string' ? { kind: 'question', questionId: step } : step

/**
 * The order of pages through a survey, decided from the definition and the answers so far alone.
 * A question whose condition is not met is skipped: it is not a step, so it is never shown, never
 * required and never sent. An information page is a step just before its question (only when that
 * question is asked), or just before check answers.
 */
export class Journey {
  private readonly questions: readonly QuestionDefinition[]
  private readonly pages: readonly InformationPage[]
  private readonly asked: ReadonlySet<string>
  private readonly steps: readonly Step[]

  constructor(
    definition: JourneyDefinition,
    private readonly answers: Answers,
  ) {
    this.questions = 'questions' in definition ? definition.questions : definition
    this.pages = ('informationPages' in definition ? definition.informationPages : undefined) ?? []
    this.asked = askedQuestions(this.questions, answers)
    this.steps = journeySteps(this.questions, this.pages, this.asked)
  }

  /** Questions that are asked, or may yet be (their condition waits on an unanswered question). */
  get total(): number {
    return this.questions.filter((question) => this.asked.has(question.id)).length
  }

  /** The place of a question among those asked, from 0; -1 when it is not asked. */
  indexOf(questionId: string): number {
    return this.questions
      .filter((question) => this.asked.has(question.id))
      .findIndex(({ id }) => id === questionId)
  }

  question(questionId: string): QuestionDefinition | undefined {
    return this.questions.find((question) => question.id === questionId)
  }

  page(pageId: string): InformationPage | undefined {
    return this.pages.find((page) => page.id === pageId)
  }

  /** Whether the question is asked, given the answers so far (false for an unknown id). */
  isAsked(questionId: string): boolean {
    return this.asked.has(questionId)
  }

  /** Only the asked questions' answers, null for an optional one left blank: what a response stores. */
  askedAnswers(): Answers {
    return Object.fromEntries(
      this.questions.filter(({ id }) => this.asked.has(id)).map(({ id }) => [id, this.answers[id] ?? null]),
    )
  }

  private isAnswered(step: Step): boolean {
    return step.kind !== 'question' || step.questionId in this.answers
  }

  /**
   * The first question still to be answered (or the information pages just before it, so they are
   * read first), or check answers once every asked question has been.
   */
  firstUnanswered(): Step {
    const gap = this.steps.findIndex((step) => !this.isAnswered(step))
    if (gap < 0) return { kind: 'check-answers' }
    let first = gap
    while (first > 0 && this.steps[first - 1]?.kind === 'page') first -= 1
    return this.steps[first] ?? { kind: 'check-answers' }
  }

  /** A step can be visited when it is in the journey and every question before it is answered. */
  canVisit(step: Step): boolean {
    const index = this.steps.findIndex((each) => sameStep(each, step))
    if (index < 0) return false
    return this.steps.slice(0, index).every((each) => this.isAnswered(each))
  }

  /**
   * After a step: the following one; once everything is answered (as after a change), check
   * answers, unless only information pages stand between here and there.
   */
  next(from: Step | string): Step {
    const index = this.steps.findIndex((each) => sameStep(each, asStep(from)))
    const following = this.steps[index + 1]
    if (this.isComplete) {
      const rest = this.steps.slice(index + 1)
      return index >= 0 && following && rest.every((step) => step.kind !== 'question')
        ? following
        : { kind: 'check-answers' }
    }
    return index >= 0 && following && following.kind !== 'check-answers' ? following : this.firstUnanswered()
  }

  previous(from: Step | string): Step | 'start' {
    const index = this.steps.findIndex((each) => sameStep(each, asStep(from)))
    return (index > 0 ? this.steps[index - 1] : undefined) ?? 'start'
  }

  get isComplete(): boolean {
    return this.firstUnanswered().kind === 'check-answers'
  }
}
