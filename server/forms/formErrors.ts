import type { ZodError } from 'zod'
import type { Translate } from '../i18n/translator'

export interface FormErrors {
  /** For the error summary: each message linking to its field. */
  errorList: { text: string; href: string }[]
  /** For each field's inline error message. */
  fields: Record<string, { text: string; visuallyHiddenText: string }>
}

export const noErrors: FormErrors = { errorList: [], fields: {} }

/**
 * GOV.UK-style errors from a zod failure. Schemas give locale keys as their messages, so the words are
 * in the person's language; the first problem with each field is the one shown.
 */
export function formErrors(error: ZodError, t: Translate): FormErrors {
  const result: FormErrors = { errorList: [], fields: {} }
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (field in result.fields) continue
    const text = t(issue.message)
    result.fields[field] = { text, visuallyHiddenText: t('errors.visuallyHidden') }
    result.errorList.push({ text, href: `#${field}` })
  }
  return result
}

/** One problem with one field, found after the schema passed (a number already taken, say). */
export function fieldError(field: string, key: string, t: Translate): FormErrors {
  const text = t(key)
  return {
    errorList: [{ text, href: `#${field}` }],
    fields: { [field]: { text, visuallyHiddenText: t('errors.visuallyHidden') } },
  }
}
