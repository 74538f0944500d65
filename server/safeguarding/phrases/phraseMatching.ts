/**
 * How a safeguarding phrase is compared with what a young person wrote. Both sides are folded the same
 * way first, so the comparison forgives how people type:
 * - case, and accents or vowel marks (Welsh "â" or "ŵ" typed without the circumflex, Urdu harakat);
 * - apostrophes of any style, or none ("don't", "don’t" and "dont" are one word);
 * - hyphens and runs of spaces or line breaks ("self-harm", "self  harm" and "self harm");
 * - the Arabic letters an Arabic keyboard gives for the Urdu ones (ي for ی, ك for ک, ه for ہ),
 *   tatweel and zero-width joiners.
 * A phrase matches whole words only: "abuse" is found in "abuse" and "the abuse.", never inside
 * "disabused". A word of a phrase ending in * matches any ending: "abus*" finds "abused" and "abusive".
 */

const apostrophes = /['’‘ʼ`´′]/gu
const hyphens = /[-‐‑‒–—]/gu
const invisible = /[\u200B-\u200D\u2060\uFEFF\u0640]/gu
const marks = /\p{M}/gu
const arabicToUrdu: Record<string, string> = { ي: 'ی', ى: 'ی', ك: 'ک', ه: 'ہ' }
const arabicLetters = /[يىكه]/gu

/** A phrase as it is stored and shown: one line, single spaces, lower case. */
export const tidyPhrase = (text: string): string =>
  text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase()

/** Folds text for comparison; the folding of a phrase and of an answer are the same function. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(marks, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(arabicLetters, (letter) => arabicToUrdu[letter] ?? letter)
    .replace(apostrophes, '')
    .replace(invisible, '')
    .replace(hyphens, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
}

const wordCharacter = '[\\p{L}\\p{N}]'
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A phrase as a pattern over folded text, on word boundaries, with * as "any ending" at a word's end. */
export function phrasePattern(phrase: string): RegExp {
  const words = foldText(phrase)
    .split(' ')
    .map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}${wordCharacter}*` : escape(word)))
  // Every word is escaped, so an officer's phrase adds only literal text and at most one
  // [\p{L}\p{N}]* per word, each followed by a space or the end: nothing to backtrack over.
  // eslint-disable-next-line security/detect-non-literal-regexp -- escaped words, see above
  return new RegExp(`(?<!${wordCharacter})${words.join(' ')}(?!${wordCharacter})`, 'u')
}

/**
 * Whether a phrase is usable: it has letters, and a * only at the end of a word, after at least two
 * letters (three in a phrase of one word), so no phrase matches nearly everything.
 */
export function isUsablePhrase(phrase: string): boolean {
  const folded = foldText(phrase)
  if (!/\p{L}/u.test(folded)) return false
  const words = folded.split(' ')
  const shortestStem = words.length === 1 ? 3 : 2
  return words.every(
    (word) => !word.slice(0, -1).includes('*') && (!word.endsWith('*') || word.length > shortestStem),
  )
}
