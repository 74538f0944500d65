import { nonCommittalValues } from './choiceType'
import { postedStrings, type ChoiceItem, type QuestionType, type StoredAnswer } from './contract'
import type { QuestionDefinition } from '../definitionSchema'

/** Without a min or max, numbers stay well inside what every export and statistic handles exactly. */
export const numberLimit = 1_000_000_000

/** "I don't know" and "prefer not to say", where the question offers them, in that order. */
function offeredChoices(question: QuestionDefinition): string[] {
  if (question.type !== 'number') return []
  return [
    ...(question.dontKnow ? ['dont-know'] : []),
    ...(question.preferNotToSay ? ['prefer-not-to-say'] : []),
  ]
}

/** The range a number must fall in: the question's own, else the general limit. */
export function numberRange(question: QuestionDefinition): { min: number; max: number } {
  const own = question.type === 'number' ? question : { min: undefined, max: undefined }
  return { min: own.min ?? -numberLimit, max: own.max ?? numberLimit }
}

// Digits as Urdu (Extended Arabic-Indic) and Arabic (Arabic-Indic) keyboards type them.
const localDigits = /[\u0660-\u0669\u06F0-\u06F9]/g
const westernDigit = (digit: string): string => String((digit.codePointAt(0) ?? 0) & 0xf)

/**
 * Reads a whole number as people type it: spaces and thousands commas allowed, local digits, a
 * leading minus (or the minus sign U+2212). Returns undefined for anything else, "12.5" included.
 */
export function readWholeNumber(text: string): number | undefined {
  const plain = text
    .replace(localDigits, westernDigit)
    .replace(/[\s,]/g, '')
    .replace(/^\u2212/, '-')
  if (!/^-?\d{1,12}$/.test(plain)) return undefined
  const value = Number(plain)
  return Object.is(value, -0) ? 0 : value
}

const isStoredNumber = (value: StoredAnswer | undefined): value is string =>
  typeof value === 'string' && /^-?\d+$/.test(value)

/** A whole number typed in a box, with "I don't know" and "prefer not to say" offered as choices beside it. */
export const numberType: QuestionType = {
  name: 'number',
  control: 'number',
  values: () => [],
  notCounted: offeredChoices,
  items: (question, label): ChoiceItem[] =>
    offeredChoices(question).map((value) => ({
      value,
      text: label(value),
      dividerBefore: false,
      exclusive: true,
    })),
  parse(input, question) {
    const posted = postedStrings(input)
    if (posted.length === 0 && input !== undefined) return { ok: false, error: 'invalid' }
    const offered = offeredChoices(question)
    const chosen = posted.filter((value) => nonCommittalValues.has(value))
    const typed = posted.filter((value) => !nonCommittalValues.has(value)).map((value) => value.trim())
    if (
      typed.length > 1 ||
      chosen.some((value) => !offered.includes(value)) ||
      new Set(chosen).size < chosen.length
    )
      return { ok: false, error: 'invalid' }
    const text = typed[0] ?? ''
    if (chosen.length > 1 || (chosen.length === 1 && text !== '')) return { ok: false, error: 'exclusive' }
    const [choice] = chosen
    if (choice !== undefined) return { ok: true, value: choice }
    if (text === '') return question.optional ? { ok: true, value: null } : { ok: false, error: 'required' }
    const value = readWholeNumber(text)
    if (value === undefined) return { ok: false, error: 'notWhole' }
    const range = numberRange(question)
    if (value < range.min || value > range.max) return { ok: false, error: 'outOfRange' }
    return { ok: true, value: String(value) }
  },
  formValue: (input) => postedStrings(input).slice(0, 3),
  display: (value, label) =>
    isStoredNumber(value) ? [value] : typeof value === 'string' ? [label(value)] : [],
  csvValue: (value, label) => (isStoredNumber(value) ? value : typeof value === 'string' ? label(value) : ''),
  isAnswered: (value) => typeof value === 'string' && value.length > 0,
  writtenText: () => undefined,
}
