import type { QuestionDefinition, QuestionTypeName } from '../definitionSchema'

/**
 * What a draft or response holds for one question: an option value, several option values, or text.
 * null means the respondent saw an optional question and left it blank. "I don't know" and "prefer
 * not to say" are option values, never null.
 */
export type StoredAnswer = string | string[] | null

/** notWhole and outOfRange belong to number questions: "Enter a whole number", "between X and Y". */
export type AnswerError = 'required' | 'invalid' | 'tooLong' | 'exclusive' | 'notWhole' | 'outOfRange'

export type ParseResult = { ok: true; value: StoredAnswer } | { ok: false; error: AnswerError }

/** Turns a stable option value into words in the page's language. */
export type OptionLabeller = (value: string) => string

export interface ChoiceItem {
  value: string
  text: string
  /** A picture shown inside the option's label, e.g. a face. */
  picture?: string
  /** "or" is shown before answers such as "I don't know". */
  dividerBefore: boolean
  /** Chosen alone: picking it with other answers is an error. */
  exclusive: boolean
}

/** The one contract every question type fulfils; the shared contract test runs over all of them. */
export interface QuestionType {
  readonly name: QuestionTypeName
  readonly control: 'radios' | 'checkboxes' | 'textarea' | 'number'
  /**
   * Every fixed value the question can store, in the order shown: what conditions and percentage
   * tables can name. Empty for free text and numbers, whose answers are open.
   */
  values(question: QuestionDefinition): string[]
  /** Answers that are given but left out of percentages (e.g. "I don't know"). */
  notCounted(question: QuestionDefinition): string[]
  /** The choices shown: every value, then (for open answers) the "I don't know" style ones offered. */
  items(question: QuestionDefinition, label: OptionLabeller): ChoiceItem[]
  /** Validates what the form posted (`answer` field) into what is stored. */
  parse(input: unknown, question: QuestionDefinition): ParseResult
  /** What the form shows again: the stored value, or what was posted when it was rejected. */
  formValue(input: unknown): string[]
  /** Lines for the check-answers page, one per chosen option; none when not answered. */
  display(value: StoredAnswer, label: OptionLabeller): string[]
  /** The cell in a spreadsheet export; labels in the export's language, several joined by "; ". */
  csvValue(value: StoredAnswer, label: OptionLabeller): string
  isAnswered(value: StoredAnswer | undefined): boolean
  /** Words the respondent wrote themselves (read for safeguarding); undefined for chosen options. */
  writtenText(value: StoredAnswer): string | undefined
}

export function postedStrings(input: unknown): string[] {
  if (typeof input === 'string') return [input]
  if (Array.isArray(input)) return input.filter((item): item is string => typeof item === 'string')
  return []
}
