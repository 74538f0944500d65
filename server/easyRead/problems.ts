/**
 * One thing wrong (or worth a second look) in a survey's words.
 * - `field` names the words it is about: 'title', 'start.purpose.0', 'start.answers.1',
 *   'questions.<id>.title', 'questions.<id>.hint', 'questions.<id>.options.<value>',
 *   'questions.<id>.optionHints.<value>', 'questions.<id>.pictureAlt', 'pages.<id>.<part>', or
 *   'survey' for the reading grade of a whole language. checkText leaves it as its caller names it.
 * - `blocking` problems stop words being saved and a survey being opened (an admin may override
 *   the easy-read ones; missing words never).
 */
export type WordsProblemKind = 'sentence-too-long' | 'jargon' | 'reading-grade' | 'missing-words'

export interface WordsProblem {
  language: string
  field: string
  kind: WordsProblemKind
  blocking: boolean
  /** sentence-too-long: the sentence, its word count and the most allowed. */
  sentence?: string
  words?: number
  limit?: number
  /** jargon: the word as written and what to say instead. */
  term?: string
  instead?: string
  /** reading-grade: the Flesch–Kincaid grade, and the highest wanted in `limit`. */
  grade?: number
}

export const blockingProblems = (problems: readonly WordsProblem[]): WordsProblem[] =>
  problems.filter((problem) => problem.blocking)

export const warnings = (problems: readonly WordsProblem[]): WordsProblem[] =>
  problems.filter((problem) => !problem.blocking)

/** Missing words in an offered language: no one may override these, since respondents would see gaps. */
export const isMissingWords = (problem: WordsProblem): boolean => problem.kind === 'missing-words'
