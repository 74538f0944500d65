import { z } from 'zod'
import jargonFile from './jargon.json'

/** One word or phrase from the jargon list, and what to say instead. */
export interface JargonTerm {
  term: string
  instead: string
  matchCase: boolean
}

/** A use of jargon in some text: the words as written and what to say instead. */
export interface JargonUse {
  term: string
  instead: string
}

const jargonFileSchema = z.object({
  terms: z
    .array(
      z
        .object({
          term: z.string().min(1),
          instead: z.string().min(1),
          matchCase: z.boolean().default(false),
        })
        .strict(),
    )
    .min(30),
})

/** The list, longest first, so "EHC needs assessment" is reported once and not also as "assessment". */
export const jargonTerms: readonly JargonTerm[] = jargonFileSchema
  .parse(jargonFile)
  .terms.sort((a, b) => b.term.length - a.term.length)

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')

// A whole word: no letter or digit either side; a plural "s" is the same word.
const matchers = jargonTerms.map((entry) => ({
  entry,
  // eslint-disable-next-line security/detect-non-literal-regexp -- escaped terms from our own jargon list
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}])${escaped(entry.term)}s?(?![\\p{L}\\p{N}])`,
    entry.matchCase ? 'gu' : 'giu',
  ),
}))

/** Every use of jargon in the text, in the order written; a phrase inside a longer one counts once. */
export function findJargon(text: string): JargonUse[] {
  const found: { at: number; end: number; use: JargonUse }[] = []
  for (const { entry, pattern } of matchers) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index
      const end = at + match[0].length
      if (found.some((other) => at < other.end && end > other.at)) continue
      found.push({ at, end, use: { term: match[0], instead: entry.instead } })
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ use }) => use)
}
