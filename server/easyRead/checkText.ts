import { findJargon } from './jargon'
import type { WordsProblem } from './problems'
import { easyReadGradeLimit, readingGradeOf } from './readingGrade'
import { sentenceLimit, sentencesOf, wordsOf } from './sentences'

export interface TextCheckOptions {
  /** Whether the survey is easy read: 15 words a sentence and no jargon, rather than 25 words. */
  easyRead: boolean
  /** The language the words are in; the jargon list and the reading grade are English only. */
  language: string
  /** Which words these are, copied into each problem (a form box name, say); '' if not given. */
  field?: string
}

/** Sentences longer than the limit: blocking in easy read, a warning in other surveys. */
function longSentences(text: string, options: TextCheckOptions): WordsProblem[] {
  const limit = sentenceLimit(options.easyRead)
  return sentencesOf(text).flatMap((sentence) => {
    const words = wordsOf(sentence).length
    if (words <= limit) return []
    return [
      problem(options, { kind: 'sentence-too-long', blocking: options.easyRead, sentence, words, limit }),
    ]
  })
}

/** Jargon with plainer words to use instead: checked in English easy read, where it blocks. */
function jargon(text: string, options: TextCheckOptions): WordsProblem[] {
  if (!options.easyRead || options.language !== 'en') return []
  return findJargon(text).map(({ term, instead }) =>
    problem(options, { kind: 'jargon', blocking: true, term, instead }),
  )
}

function problem(options: TextCheckOptions, found: Omit<WordsProblem, 'language' | 'field'>): WordsProblem {
  return { language: options.language, field: options.field ?? '', ...found }
}

/** A warning when easy-read English reads above grade 3; never blocking, since the grade is a guide. */
export function readingGradeWarning(text: string, options: TextCheckOptions): WordsProblem[] {
  if (!options.easyRead || options.language !== 'en') return []
  const grade = readingGradeOf(text)
  if (grade === undefined || grade <= easyReadGradeLimit) return []
  return [problem(options, { kind: 'reading-grade', blocking: false, grade, limit: easyReadGradeLimit })]
}

/**
 * Every easy-read problem in one piece of text (a question title, a hint, a box of the words form):
 * long sentences, jargon, and, for text long enough to grade, the reading grade.
 */
export function checkText(text: string, options: TextCheckOptions): WordsProblem[] {
  return [...longSentences(text, options), ...jargon(text, options), ...readingGradeWarning(text, options)]
}
