import { randomInt } from 'node:crypto'

// Crockford's base 32 without the letters people confuse (I, L, O, U), so a reference can be read aloud.
export const referenceAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A short reference a respondent can quote, e.g. "K7M2-9QXD". */
export function newReference(): string {
  const characters = Array.from(
    { length: 8 },
    () => referenceAlphabet[randomInt(referenceAlphabet.length)] ?? '0',
  )
  return `${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`
}
