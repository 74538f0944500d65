import { z } from 'zod'
import { languages } from '../../i18n/languages'
import { isCleanText } from '../../organisationSettings/fieldRules'
import { isUsablePhrase, tidyPhrase } from './phraseMatching'

const error = (field: string, problem: string) => `safeguardingPhrases.errors.${field}.${problem}`

export const phraseLanguage = z.enum(
  languages.map(({ code }) => code),
  { error: error('language', 'invalid') },
)

/** A phrase as an admin typed it, as it is stored: one line, single spaces, lower case. */
const phraseField = z
  .string()
  .refine(isCleanText, error('phrase', 'characters'))
  .transform(tidyPhrase)
  .pipe(
    z
      .string()
      .min(1, error('phrase', 'required'))
      .min(2, error('phrase', 'tooShort'))
      .max(100, error('phrase', 'tooLong'))
      .refine(isUsablePhrase, error('phrase', 'unusable')),
  )

/** The language asked for in the address; none means English. */
export const languageQuerySchema = z.object({
  language: z.enum(['', ...languages.map(({ code }) => code)], { error: error('language', 'invalid') }),
})

export const addPhraseSchema = z.object({ language: phraseLanguage, phrase: phraseField })

/** Removing names a phrase from the list shown; whether it is still there is checked against the list. */
export const removePhraseSchema = z.object({ language: phraseLanguage, phrase: z.string().max(100) })
