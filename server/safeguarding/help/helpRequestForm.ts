import { z } from 'zod'
import { cleanText } from '../../surveys/questionTypes/freeText'
import { isCleanText, isUkPhone } from '../../organisationSettings/fieldRules'
import type { NewAlert } from '../alerts/raiseAlert'

/** Characters a young person may write to the safeguarding team (the column allows 2,000). */
export const messageMaxLength = 1000

export const contactMethods = ['phone', 'email', 'school', 'none'] as const

export const helpRequestFields = [
  'name',
  'contactMethod',
  'phone',
  'email',
  'school',
  'message',
  'answersMayBeSeen',
] as const

export type HelpRequestValues = Record<(typeof helpRequestFields)[number], string>

const error = (field: string, problem: string) => `talkToSomeone.errors.${field}.${problem}`

/** A box: clean characters only (a NUL byte or broken Unicode is refused, never stored), then trimmed. */
const box = (field: string, max: number, multiline = false) =>
  z
    .string()
    .refine(isCleanText, error(field, 'characters'))
    .transform((text) => (multiline ? cleanText(text) : text.replace(/\s+/g, ' ').trim()))
    .pipe(z.string().max(max, error(field, 'tooLong')))

const helpRequestSchema = z
  .object({
    name: box('name', 100),
    contactMethod: z.union([z.literal(''), z.enum(contactMethods)], {
      error: error('contactMethod', 'invalid'),
    }),
    phone: box('phone', 40),
    email: box('email', 254),
    school: box('school', 200),
    message: box('message', messageMaxLength, true),
    answersMayBeSeen: z.enum(['', 'yes'], { error: error('answersMayBeSeen', 'invalid') }),
  })
  .superRefine((form, context) => {
    const problem = (field: string, kind: string) => {
      context.addIssue({ code: 'custom', path: [field], message: error(field, kind) })
    }
    if (form.contactMethod === 'phone') {
      if (form.phone === '') problem('phone', 'required')
      else if (!isUkPhone(form.phone)) problem('phone', 'invalid')
    }
    if (form.contactMethod === 'email') {
      if (form.email === '') problem('email', 'required')
      else if (!z.email().safeParse(form.email).success) problem('email', 'invalid')
    }
    if (form.contactMethod === 'school' && form.school === '') problem('school', 'required')
    const noContact = form.contactMethod === '' || form.contactMethod === 'none'
    if (noContact && form.message === '') problem('contactMethod', 'nothing')
  })

export type HelpRequest = NonNullable<NewAlert['helpRequest']>

/**
 * What a young person posted on the help page, checked. Only the detail of the way they chose is
 * kept: a phone number typed before switching to "email" is not stored. Ticking that answers may be
 * seen is only honoured by the caller when this browser has answers to see.
 */
export function parseHelpRequest(
  values: HelpRequestValues,
): { ok: true; request: HelpRequest } | { ok: false; error: z.ZodError } {
  const parsed = helpRequestSchema.safeParse(values)
  if (!parsed.success) return { ok: false, error: parsed.error }
  const form = parsed.data
  const contactMethod = form.contactMethod === '' ? 'none' : form.contactMethod
  const detail = { phone: form.phone, email: form.email, school: null, none: null }[contactMethod]
  return {
    ok: true,
    request: {
      name: form.name === '' ? null : form.name,
      contactMethod,
      contactDetail: detail === '' ? null : detail,
      school: contactMethod === 'school' ? form.school : null,
      message: form.message === '' ? null : form.message,
      answersMayBeSeen: form.answersMayBeSeen === 'yes',
    },
  }
}

/** What the form shows again after an error: what was typed, without characters a page cannot hold. */
export const shownAgain = (values: HelpRequestValues): HelpRequestValues =>
  Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      value.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''),
    ]),
  ) as HelpRequestValues
