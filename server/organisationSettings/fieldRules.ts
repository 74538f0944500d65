import { z } from 'zod'

// Control characters, and U+FFFD, which is what a form's broken UTF-8 arrives as. Tabs and line breaks
// are allowed: single-line boxes fold them into spaces, text areas keep line breaks.
const unsafeCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/u

/** Text PostgreSQL can store and a page can show: no NUL or other control characters, no lone surrogates. */
export const isCleanText = (value: string): boolean => value.isWellFormed() && !unsafeCharacters.test(value)

const singleLine = (value: string) => value.replace(/\s+/g, ' ').trim()
const multiLine = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

const message = (field: string, problem: string) => `settings.errors.${field}.${problem}`

/** A box that may be left empty (stored as null), with its own words for each problem. */
function optional(field: string, options: { multiline?: boolean; max: number }) {
  return z
    .string()
    .refine(isCleanText, message(field, 'characters'))
    .transform(options.multiline ? multiLine : singleLine)
    .pipe(z.string().max(options.max, message(field, 'tooLong')))
}

const emptyAsNull = (value: string): string | null => (value === '' ? null : value)

export const optionalText = (field: string, max: number) => optional(field, { max }).transform(emptyAsNull)

export const optionalParagraphs = (field: string, max: number) =>
  optional(field, { max, multiline: true }).transform(emptyAsNull)

export const requiredText = (field: string, max: number) =>
  optional(field, { max }).pipe(z.string().min(1, message(field, 'required')))

export const optionalEmail = (field: string) =>
  optional(field, { max: 254 })
    .refine((value) => value === '' || z.email().safeParse(value).success, message(field, 'invalid'))
    .transform(emptyAsNull)

/**
 * A UK telephone number as people write it: 8 to 11 digits starting with 0 (Childline's 0800 1111 has
 * 8), +44 and the rest without its 0, or a short service number such as 999, 111 or 116 123.
 */
export function isUkPhone(value: string): boolean {
  return /^(?:0\d{7,10}|\+44[1-9]\d{6,9}|1\d{2}|999|116\d{3})$/.test(dialledDigits(value))
}

/** The number to dial (for a tel: link): digits, and a leading + for +44. */
export const dialledDigits = (value: string): string =>
  value.replace(/^\+44\s*\(0\)/, '+44').replace(/[\s().-]/g, '')

export const optionalPhone = (field: string) =>
  optional(field, { max: 40 })
    .refine((value) => value === '' || isUkPhone(value), message(field, 'invalid'))
    .transform(emptyAsNull)

export function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === ''
}

export const optionalWebsite = (field: string) =>
  optional(field, { max: 500 })
    .refine((value) => value === '' || isHttpsUrl(value), message(field, 'invalid'))
    .transform(emptyAsNull)

/** A whole number typed into a box, within the range its column allows. */
export const wholeNumber = (field: string, range: { min: number; max: number }) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, message(field, 'notWhole'))
    .transform(Number)
    .pipe(z.number().min(range.min, message(field, 'range')).max(range.max, message(field, 'range')))

/** One of a fixed list of stored values, chosen with radios; anything else was never offered. */
export const oneOf = (field: string, values: readonly string[]) =>
  z.string().refine((value) => values.includes(value), message(field, 'choose'))
