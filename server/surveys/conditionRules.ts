import type { z } from 'zod'
import type { QuestionDefinition } from './definitionSchema'
import { questionTypeFor } from './questionTypes/registry'

/**
 * A condition may only point back at an earlier question with fixed answers, and only at values that
 * question can store: otherwise a respondent could meet a question whose condition is never decided,
 * or that could never be asked.
 */
export function checkConditions(questions: QuestionDefinition[], context: z.RefinementCtx): void {
  const positions = new Map(questions.map((question, index) => [question.id, index]))
  questions.forEach((question, index) => {
    const askIf = question.askIf
    if (!askIf) return
    const problem = (at: (string | number)[], message: string): void => {
      context.addIssue({ code: 'custom', path: ['questions', index, 'askIf', ...at], message })
    }
    const position = positions.get(askIf.question)
    const target = position === undefined ? undefined : questions[position]
    const values = target ? questionTypeFor(target).values(target) : []
    if (position === undefined || target === undefined)
      problem(['question'], `there is no question ${askIf.question}`)
    else if (position === index) problem(['question'], 'a question cannot depend on its own answer')
    else if (position > index)
      problem(['question'], `question ${askIf.question} comes later; a condition must point back`)
    else if (values.length === 0)
      problem(['question'], `question ${askIf.question} has no fixed answers to depend on`)
    else
      askIf.answers.forEach((answer, answerIndex) => {
        if (!values.includes(answer))
          problem(['answers', answerIndex], `question ${askIf.question} cannot have the answer ${answer}`)
        else if (askIf.answers.indexOf(answer) !== answerIndex)
          problem(['answers', answerIndex], `duplicate answer ${answer}`)
      })
  })
}
