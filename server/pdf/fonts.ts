import fs from 'node:fs'
import { woffToSfnt } from './woff'

/**
 * The report's one typeface: Noto Sans Arabic from @fontsource, whose Latin, Latin Extended (Welsh
 * ŵ and ŷ) and Arabic (Urdu) files share one design and one set of metrics. The standard PDF fonts
 * have no ŵ and no Arabic. Fontsource splits the font into files by Unicode range, so text is cut
 * into runs by the file that holds each letter. We use the .woff files: fontkit 2 fails to subset
 * this font's composite glyphs from the .woff2 ones.
 */
export const subsets = ['latin', 'latin-ext', 'arabic'] as const
export type Subset = (typeof subsets)[number]
export type Weight = 'regular' | 'bold'
export type FaceName = `${Subset}-${Weight}`

export interface Run {
  text: string
  face: FaceName
}

const fontPackage = '@fontsource/noto-sans-arabic'
const cssWeights: Record<Weight, number> = { regular: 400, bold: 700 }

type Range = readonly [number, number]

/** "U+0600-06FF,U+200C" as [[0x600, 0x6ff], [0x200c, 0x200c]]. */
export function parseRanges(text: string): Range[] {
  return text.split(',').map((part) => {
    const [start = '0', end = start] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(start, 16), parseInt(end, 16)] as const
  })
}

function readRanges(): Record<Subset, Range[]> {
  const file = require.resolve(`${fontPackage}/unicode.json`)
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a file of the installed font package, named by constants
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string | undefined>
  const rangesOf = (subset: Subset) => parseRanges(all[subset] ?? '')
  return { latin: rangesOf('latin'), 'latin-ext': rangesOf('latin-ext'), arabic: rangesOf('arabic') }
}

let subsetRanges: Record<Subset, Range[]> | undefined
let faces: Map<FaceName, Buffer> | undefined

/** The font files, read and unwrapped once: each face by name, for doc.registerFont. */
export function loadFaces(): Map<FaceName, Buffer> {
  faces ??= new Map(
    subsets.flatMap((subset) =>
      (['regular', 'bold'] as const).map((weight): [FaceName, Buffer] => {
        const name = `noto-sans-arabic-${subset}-${cssWeights[weight]}-normal.woff`
        return [
          `${subset}-${weight}`,
          // eslint-disable-next-line security/detect-non-literal-fs-filename -- a file of the installed font package, named by constants
          woffToSfnt(fs.readFileSync(require.resolve(`${fontPackage}/files/${name}`))),
        ]
      }),
    ),
  )
  return faces
}

const covers = (ranges: Range[], codePoint: number) =>
  ranges.some(([start, end]) => codePoint >= start && codePoint <= end)

/**
 * A word cut into runs of one face each, spaces apart. A character stays in the current run when
 * that face has it (so accents and joiners stay with their letter); otherwise it goes to the first
 * face that has it, or to Latin, which shows a missing letter as a box rather than failing.
 */
export function splitRuns(text: string, weight: Weight): Run[] {
  const ranges = (subsetRanges ??= readRanges())
  const runs: Run[] = []
  let current: { text: string; subset: Subset; space: boolean } | undefined
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0
    // Spaces are runs of their own, so that right-to-left words can be put in order around them.
    const space = /\s/u.test(character)
    if (current && current.space === space && covers(ranges[current.subset], codePoint)) {
      current.text += character
      continue
    }
    if (current) runs.push({ text: current.text, face: `${current.subset}-${weight}` })
    const subset = subsets.find((candidate) => covers(ranges[candidate], codePoint)) ?? 'latin'
    current = { text: character, subset, space }
  }
  if (current) runs.push({ text: current.text, face: `${current.subset}-${weight}` })
  return runs
}
