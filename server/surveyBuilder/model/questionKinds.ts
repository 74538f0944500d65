import type { QuestionDefinition, QuestionTypeName } from '../../surveys/definitionSchema'
import { questionTypeNames } from '../../surveys/questionTypes/registry'

/**
 * What an analyst can add: every question type in the registry, and an "I need" statement, which is
 * an importance question tied to one of the organisation's outcomes.
 */
export type QuestionKind = QuestionTypeName | 'i-need-statement'

export const questionKinds = (): QuestionKind[] => ['i-need-statement', ...questionTypeNames]

export const isQuestionKind = (value: unknown): value is QuestionKind =>
  questionKinds().some((kind) => kind === value)

export const kindOf = (question: QuestionDefinition): QuestionKind =>
  question.type === 'importance' && question.outcome ? 'i-need-statement' : question.type

export const typeOfKind = (kind: QuestionKind): QuestionTypeName =>
  kind === 'i-need-statement' ? 'importance' : kind

/** Which parts of the question form a kind has. */
export function formParts(kind: QuestionKind) {
  const type = typeOfKind(kind)
  return {
    options: type === 'single-choice' || type === 'multiple-choice',
    dontKnow: type === 'single-choice' || type === 'multiple-choice' || type === 'number',
    preferNotToSay: type === 'single-choice' || type === 'multiple-choice' || type === 'number',
    range: type === 'number',
    maxLength: type === 'free-text',
    bands: type === 'age-group',
    outcome: kind === 'i-need-statement',
  }
}
