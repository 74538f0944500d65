import { z } from 'zod'
import { referenceAlphabet } from '../respond/reference'

// Crockford's base 32 reads the letters people confuse with digits as those digits.
const lookalikes: Record<string, string> = { O: '0', I: '1', L: '1' }
// eslint-disable-next-line security/detect-non-literal-regexp -- built from a constant alphabet, no input
const wellFormed = new RegExp(`^[${referenceAlphabet}]{8}$`)

/**
 * A reference as a respondent may read it out or type it: any case, with or without spaces and dashes,
 * O for 0 and I or L for 1. Returns it as stored ("K7M2-9QXD"), or undefined if it cannot be one.
 */
export function normaliseReference(typed: string): string | undefined {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/gu, '')
    .replace(/[OIL]/g, (letter) => lookalikes[letter] ?? letter)
  return wellFormed.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : undefined
}

/** The "Erase a response" form: the reference, required and well formed. */
export const referenceSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, 'erasure.errors.referenceRequired')
    .max(40, 'erasure.errors.referenceInvalid')
    .transform((typed, context) => {
      const reference = normaliseReference(typed)
      if (reference === undefined) {
        context.addIssue({ code: 'custom', message: 'erasure.errors.referenceInvalid' })
        return z.NEVER
      }
      return reference
    }),
})
