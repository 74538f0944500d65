import type { QuestionDefinition } from '../surveys/definitionSchema'
import type { StoredAnswer } from '../surveys/questionTypes/contract'

/** Whether a stored answer is one of the condition's values (for several answers, includes one). */
export function meetsCondition(answer: StoredAnswer | undefined, values: readonly string[]): boolean {
  if (typeof answer === 'string') return values.includes(answer)
  if (Array.isArray(answer)) return answer.some((value) => values.includes(value))
  return false
}

/**
 * The questions that are asked, given the answers so far. A question with a condition is skipped
 * when the question it depends on is skipped, or was answered with none of the condition's values
 * (left blank included). Until that question is answered the condition is undecided and the question
 * counts as asked: the journey cannot reach it before then, so it is decided by the time it is shown.
 */
export function askedQuestions(
  questions: readonly QuestionDefinition[],
  answers: Record<string, StoredAnswer>,
): ReadonlySet<string> {
  const asked = new Set<string>()
  for (const question of questions) {
    const condition = question.askIf
    const dependsOn = condition?.question
    const met =
      condition === undefined ||
      dependsOn === undefined ||
      (asked.has(dependsOn) &&
        (!(dependsOn in answers) || meetsCondition(answers[dependsOn], condition.answers)))
    if (met) asked.add(question.id)
  }
  return asked
}
