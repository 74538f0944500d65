import { randomInt } from 'node:crypto'

// No 0, 1, I, L, O or U: letters a child could read as another, or that spell words.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
export const groupCodeLength = 6

/** A short code to read out or write on the board, e.g. 7KQ4MZ. */
export function newGroupCode(): string {
  return Array.from({ length: groupCodeLength }, () => alphabet[randomInt(alphabet.length)] ?? '2').join('')
}

/** As typed: any case, with spaces or hyphens. Returns undefined for anything that cannot be a code. */
export function normaliseGroupCode(typed: unknown): string | undefined {
  if (typeof typed !== 'string' || typed.length > 40) return undefined
  const code = typed.replace(/[\s-]/g, '').toUpperCase()
  return new RegExp(`^[${alphabet}]{${groupCodeLength}}$`).test(code) ? code : undefined
}

/** Group sessions last a few hours: long enough for a lesson or a school day, never longer. */
export const groupSessionHours = { default: 3, max: 12 } as const
