import { checkSurveyWords, type WordsProblem } from '../../easyRead'
import type { WorkingCopy } from './workingCopy'

/** The easy-read problems in the words of one question or information page, after a change. */
export function problemsIn(
  copy: WorkingCopy,
  place: { kind: 'questions' | 'pages'; id: string },
): WordsProblem[] {
  const prefix = `${place.kind}.${place.id}.`
  return checkSurveyWords(copy.definition, copy.words).filter((problem) => problem.field.startsWith(prefix))
}

/** The form box a problem is about: title-cy, hint-en, option-2-ur, body-en ... */
export function fieldOfProblem(problem: WordsProblem, optionIds: string[]): string {
  const [, , part = '', detail = ''] = problem.field.split('.')
  if (part === 'options') return `option-${Math.max(optionIds.indexOf(detail), 0)}-${problem.language}`
  if (part === 'hint' || part === 'body') return `${part}-${problem.language}`
  return `title-${problem.language}`
}
