/**
 * Splits text into sentences on . ! ? and the Urdu full stop (۔) and question mark (؟), and on new
 * lines (a list item or paragraph is read as its own sentence). A full stop between digits, as in
 * "2.5", does not end a sentence.
 */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<!\p{N})[.](?!\p{N})|[!?\u06D4\u061F\n]+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
}

/** Whitespace-separated words; a token with no letter or digit (a lone dash, say) is not a word. */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token))
}

/** The most words a sentence may have: 15 in easy read, 25 in any other survey, in every language. */
export const sentenceLimit = (easyRead: boolean): number => (easyRead ? 15 : 25)
