import fs from 'node:fs'
import { z } from 'zod'
import { languages, type LanguageCode } from '../../i18n/languages'
import { fromRoot } from '../../projectRoot'
import { foldText, isUsablePhrase, tidyPhrase } from './phraseMatching'

/** A shipped phrase: 2 to 100 characters, usable for matching. */
const phraseText = z.string().transform(tidyPhrase).pipe(z.string().min(2).max(100).refine(isUsablePhrase))

const phraseListSchema = z
  .object({
    _meta: z.object({ review: z.string(), note: z.string().optional() }),
    language: z.enum(languages.map(({ code }) => code)),
    phrases: z.array(phraseText).min(1).max(500),
  })
  .strict()
  .superRefine((list, context) => {
    const seen = new Set<string>()
    list.phrases.forEach((phrase, index) => {
      const folded = foldText(phrase)
      if (seen.has(folded))
        context.addIssue({ code: 'custom', path: ['phrases', index], message: `repeats ${phrase}` })
      seen.add(folded)
    })
  })

const cache = new Map<LanguageCode, readonly string[]>()

/**
 * The phrases shipped for a language (surveys/safeguarding-phrases/<language>.json), used by every
 * organisation that has no list of its own for it. Read once; a broken file fails loudly.
 */
export function defaultPhrases(language: LanguageCode): readonly string[] {
  const cached = cache.get(language)
  if (cached) return cached
  const file = fromRoot('surveys', 'safeguarding-phrases', `${language}.json`)
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a language from the closed list of languages
  const list = phraseListSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (list.language !== language) throw new Error(`${file} says it is for ${list.language}`)
  cache.set(language, list.phrases)
  return list.phrases
}
