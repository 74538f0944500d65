import type { Translate } from '../i18n/translator'
import type { FileProblem } from './fileProblem'

/** A problem in words, in the language of t: JSON type names ("object", "array") in words too. */
export function problemText(problem: FileProblem, t: Translate): string {
  const values = { ...problem.values }
  if (typeof values.expected === 'string')
    values.expected = t(`surveyFiles.types.${values.expected}`, { defaultValue: values.expected })
  return t(`surveyFiles.problems.${problem.key}`, values)
}

/** "definition.questions[2].outcome: ..." for the command line; the whole file has no path. */
export const problemLine = (problem: FileProblem, t: Translate): string =>
  `${problem.path === '' ? '(file)' : problem.path}: ${problemText(problem, t)}`
