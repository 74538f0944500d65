import { classifyWord, mirrorPunctuation, resolveLevels, visualOrder, type Direction } from './bidi'
import { splitRuns, type FaceName, type Run, type Weight } from './fonts'

/**
 * Our own line breaking and placing of words, because pdfkit's puts right-to-left words in the
 * wrong order and cannot change font inside a word. Knowing every line also lets us measure a
 * block before drawing it, to keep a question together on one page.
 */
export type Measure = (text: string, face: FaceName, size: number) => number

export interface TextStyle {
  size: number
  weight: Weight
  colour: string
}

/** Where lines sit in their width: start is the left in left-to-right text, the right in right-to-left. */
export type Align = 'start' | 'end' | 'centre'

export interface PlacedRun extends Run {
  /** From the left of the block. */
  x: number
}

export interface Line {
  runs: PlacedRun[]
  /** From the top of the block. */
  top: number
  baseline: number
  /** Where the words start, from the left of the block, and how wide they are together. */
  left: number
  width: number
}

export interface TextBlock {
  /** The words in reading order, for the tags (ActualText) of a block whose glyphs are not. */
  text: string
  style: TextStyle
  lines: Line[]
  height: number
  /** Whether any word runs right to left, so that drawing order is not reading order. */
  hasRightToLeft: boolean
}

/** Spaces that never break: a date or a number with its unit stays one word, on one line and in one place. */
export const unbreakable = (text: string): string => text.replace(/ /g, '\u00A0')

interface Word {
  runs: (Run & { width: number })[]
  width: number
  level: number
}

// Arabic script reaches further above and below the line than Latin, so its lines are taller.
const lineHeights = { latin: { height: 1.35, baseline: 1.02 }, arabic: { height: 1.85, baseline: 1.25 } }

function measureWord(text: string, level: number, style: TextStyle, measure: Measure): Word {
  const runs = splitRuns(text, style.weight).map((run) => ({
    ...run,
    width: measure(run.text, run.face, style.size),
  }))
  return { runs, width: runs.reduce((sum, run) => sum + run.width, 0), level }
}

/** A word wider than the line (a long web address, say) is cut between letters. */
function cutToWidth(word: string, level: number, style: TextStyle, width: number, measure: Measure): Word[] {
  const pieces: Word[] = []
  let piece = ''
  for (const character of word) {
    if (piece !== '' && measureWord(piece + character, level, style, measure).width > width) {
      pieces.push(measureWord(piece, level, style, measure))
      piece = ''
    }
    piece += character
  }
  return [...pieces, measureWord(piece, level, style, measure)]
}

function breakLines(words: Word[], width: number, space: number): Word[][] {
  const lines: Word[][] = []
  let line: Word[] = []
  let used = 0
  for (const word of words) {
    if (line.length > 0 && used + space + word.width > width) {
      lines.push(line)
      line = []
      used = 0
    }
    used += (line.length > 0 ? space : 0) + word.width
    line.push(word)
  }
  if (line.length > 0) lines.push(line)
  return lines
}

/**
 * Runs of one line, left to right on the page. Inside a right-to-left word, runs go right to left
 * too. A left-to-right word is followed by a real space, invisible, so that its text, as screen
 * readers and copying take it from the page, has spaces between words (right-to-left blocks carry
 * their words in ActualText instead).
 */
function placeLine(line: Word[], options: { left: number; space: number; weight: Weight }): PlacedRun[] {
  const placed: PlacedRun[] = []
  let x = options.left
  for (const index of visualOrder(line.map((word) => word.level))) {
    const word = line[index]
    if (!word) continue
    const rightToLeft = word.level % 2 === 1
    const runs = rightToLeft ? [...word.runs].reverse() : word.runs
    for (const run of runs) {
      const punctuation = !/[\p{L}\p{N}]/u.test(run.text)
      const text = rightToLeft && punctuation ? mirrorPunctuation(run.text) : run.text
      placed.push({ text, face: run.face, x })
      x += run.width
    }
    if (!rightToLeft) placed.push({ text: ' ', face: `latin-${options.weight}`, x })
    x += options.space
  }
  return placed
}

export function layoutText(
  text: string,
  options: { style: TextStyle; width: number; direction: Direction; align?: Align; measure: Measure },
): TextBlock {
  const { style, width, direction, measure } = options
  const texts = text.split(/[ \t\r\n]+/).filter((word) => word !== '')
  const levels = resolveLevels(texts.map(classifyWord), direction)
  const words = texts.flatMap((word, index) => {
    const measured = measureWord(word, levels[index] ?? 0, style, measure)
    return measured.width > width ? cutToWidth(word, measured.level, style, width, measure) : [measured]
  })
  const space = measure(' ', `latin-${style.weight}`, style.size)
  const lines: Line[] = []
  let top = 0
  for (const line of breakLines(words, width, space)) {
    const used = line.reduce((sum, word) => sum + word.width, 0) + space * (line.length - 1)
    const align = options.align ?? 'start'
    const toRight = (align === 'end') !== (direction === 'rtl')
    const left = align === 'centre' ? (width - used) / 2 : toRight ? width - used : 0
    const arabic = line.some((word) => word.runs.some((run) => run.face.startsWith('arabic')))
    const metrics = arabic ? lineHeights.arabic : lineHeights.latin
    lines.push({
      runs: placeLine(line, { left, space, weight: style.weight }),
      top,
      baseline: top + metrics.baseline * style.size,
      left,
      width: used,
    })
    top += metrics.height * style.size
  }
  return { text, style, lines, height: top, hasRightToLeft: levels.some((level) => level % 2 === 1) }
}
