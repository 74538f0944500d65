/**
 * The Unicode bidirectional algorithm, at the level of whole words, for drawing Urdu with pdfkit.
 * pdfkit shapes each word and puts an Arabic-script word's letters right to left, but places the
 * words themselves left to right in the order they are typed (see TOOLCHAIN.md, trap 14). So we
 * give every word an embedding level (rules W7, N1, N2, I1, I2 of UAX #9, applied to words rather
 * than characters) and reorder each line's words for display (rule L2).
 */
export type Direction = 'ltr' | 'rtl'

/** L: Latin letters; R: Arabic or Hebrew letters; EN: numbers; N: punctuation and symbols. */
export type WordClass = 'L' | 'R' | 'EN' | 'N'

// Arabic and Hebrew letters and marks, leaving out the Arabic-Indic digits (0660-0669, 06F0-06F9).
const rtlLetter = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u
const letter = /\p{L}/u
const digit = /\p{Nd}/u

export function classifyWord(word: string): WordClass {
  if (rtlLetter.test(word)) return 'R'
  if (letter.test(word)) return 'L'
  if (digit.test(word)) return 'EN'
  return 'N'
}

/** The level of each word of a paragraph: even runs left to right, odd right to left. */
export function resolveLevels(classes: WordClass[], base: Direction): number[] {
  const baseStrong = base === 'rtl' ? 'R' : 'L'
  // W7: a number after Latin text (or at the start of a left-to-right paragraph) is Latin.
  let lastStrong: 'L' | 'R' = baseStrong
  const afterW7 = classes.map((kind) => {
    if (kind === 'L' || kind === 'R') lastStrong = kind
    return kind === 'EN' && lastStrong === 'L' ? 'L' : kind
  })
  // N1, N2: punctuation between two words of one direction takes it (numbers count as R here);
  // otherwise it takes the paragraph's direction.
  const strongAt = (index: number): 'L' | 'R' | undefined => {
    const kind = afterW7[index]
    return kind === undefined || kind === 'N' ? undefined : kind === 'L' ? 'L' : 'R'
  }
  const neighbour = (from: number, step: number): 'L' | 'R' => {
    for (let index = from; index >= 0 && index < afterW7.length; index += step) {
      const strong = strongAt(index)
      if (strong) return strong
    }
    return baseStrong
  }
  const resolved = afterW7.map((kind, index) => {
    if (kind !== 'N') return kind
    const before = neighbour(index - 1, -1)
    return before === neighbour(index + 1, 1) ? before : baseStrong
  })
  // I1, I2: the level each kind of word takes in a paragraph of the base level.
  return resolved.map((kind) => {
    if (base === 'ltr') return kind === 'R' ? 1 : kind === 'EN' ? 2 : 0
    return kind === 'R' ? 1 : 2
  })
}

/**
 * L2: the order in which to draw, left to right, the words of one line with these levels: from the
 * highest level down to the lowest odd one, every run at that level or above is reversed.
 */
export function visualOrder(levels: number[]): number[] {
  const order = levels.map((_, index) => index)
  const highest = Math.max(0, ...levels)
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 === 1 ? level : level + 1)), highest + 1)
  for (let level = highest; level >= lowestOdd; level--) {
    let start = 0
    while (start < order.length) {
      if ((levels[order[start] ?? 0] ?? 0) < level) {
        start++
        continue
      }
      let end = start
      while (end + 1 < order.length && (levels[order[end + 1] ?? 0] ?? 0) >= level) end++
      order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse())
      start = end + 1
    }
  }
  return order
}

const mirrored: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
}

/** Punctuation shown right to left: reversed, with brackets turned to face the other way (rule L4). */
export function mirrorPunctuation(text: string): string {
  return Array.from(text)
    .reverse()
    .map((character) => mirrored[character] ?? character)
    .join('')
}
