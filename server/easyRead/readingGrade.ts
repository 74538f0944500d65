import readability from 'text-readability'
import { sentencesOf, wordsOf } from './sentences'

/** The highest Flesch–Kincaid grade wanted in easy-read English: about age 8 to 9. */
export const easyReadGradeLimit = 3

/**
 * Below this many words a Flesch–Kincaid grade says little ("Yes, someone else" scores 5.6), so a
 * short box is not graded on its own; a whole survey is graded over all its words together.
 */
export const fewestWordsToGrade = 20

/** The Flesch–Kincaid grade of English text, or undefined when it is too short to grade. */
export function readingGradeOf(text: string): number | undefined {
  if (wordsOf(text).length < fewestWordsToGrade) return undefined
  // The library ends a sentence only at a mark followed by a capital; mark each of ours for it.
  return readability.fleschKincaidGrade(
    sentencesOf(text)
      .map((sentence) => `${sentence}.`)
      .join(' '),
  )
}
