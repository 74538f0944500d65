import { checkText, describeProblem, type WordsProblem } from '../easyRead'
import type { FormErrors } from '../forms/formErrors'
import type { Translate } from '../i18n/translator'
import type { WordsField } from './wordsForm'

/** The easy-read checks over each box of the words form; each problem's field is the box's name. */
export function checkWordsFields(
  fields: readonly WordsField[],
  checks: { easyRead: boolean; language: string },
): WordsProblem[] {
  return fields.flatMap((field) => checkText(field.value, { ...checks, field: field.name }))
}

/**
 * Blocking problems as GOV.UK errors: one summary line per problem, linking to its box, and every
 * problem of a box in its inline message.
 */
export function problemErrors(problems: readonly WordsProblem[], t: Translate): FormErrors {
  const errors: FormErrors = { errorList: [], fields: {} }
  for (const problem of problems) {
    if (!problem.blocking) continue
    const text = describeProblem(problem, t)
    errors.errorList.push({ text, href: `#${problem.field}` })
    const shown = errors.fields[problem.field]
    errors.fields[problem.field] = {
      text: shown ? `${shown.text} ${text}` : text,
      visuallyHiddenText: t('errors.visuallyHidden'),
    }
  }
  return errors
}

/** Problems for each box, in the officer's language, to show beside it (not as errors). */
export function problemNotes(problems: readonly WordsProblem[], t: Translate): Record<string, string[]> {
  const notes: Record<string, string[]> = {}
  for (const problem of problems) (notes[problem.field] ??= []).push(describeProblem(problem, t))
  return notes
}

/** Errors of both kinds together: the checks' and the override reason's. */
export function mergedErrors(...all: (FormErrors | undefined)[]): FormErrors {
  return {
    errorList: all.flatMap((errors) => errors?.errorList ?? []),
    fields: Object.assign({}, ...all.map((errors) => errors?.fields ?? {})) as FormErrors['fields'],
  }
}
