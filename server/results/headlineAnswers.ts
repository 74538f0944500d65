import type { QuestionTypeName } from '../surveys/definitionSchema'

/**
 * The answers a question's headline adds up, the figure its results lead with ("% who said very
 * important"). Only rating scales have one: for a yes/no or a list there is no agreed "good" answer.
 */
const positiveAnswers: Partial<Record<QuestionTypeName, readonly string[]>> = {
  importance: ['very-important'],
  agreement: ['strongly-agree', 'agree'],
  faces: ['happy'],
}

export const headlineAnswersFor = (type: QuestionTypeName): readonly string[] | undefined =>
  positiveAnswers[type]
