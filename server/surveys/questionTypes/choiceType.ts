import type { QuestionDefinition, QuestionTypeName } from '../definitionSchema'
import {
  postedStrings,
  type ChoiceItem,
  type OptionLabeller,
  type QuestionType,
  type StoredAnswer,
} from './contract'

/** Answers that are real answers but say nothing for or against; shown after an "or". */
export const nonCommittalValues = new Set(['dont-know', 'not-sure', 'prefer-not-to-say'])

interface ChoiceTypeParts {
  name: QuestionTypeName
  values(question: QuestionDefinition): string[]
  picture?(value: string): string | undefined
}

function choiceItems(
  parts: ChoiceTypeParts,
  question: QuestionDefinition,
  label: OptionLabeller,
): ChoiceItem[] {
  return parts.values(question).map((value, index) => ({
    value,
    text: label(value),
    picture: parts.picture?.(value),
    dividerBefore: index > 0 && nonCommittalValues.has(value),
    exclusive: nonCommittalValues.has(value),
  }))
}

const isAnswered = (value: StoredAnswer | undefined): boolean =>
  typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0

/** One answer from a fixed list: importance, agreement, faces, yes/no, age group and single choice. */
export function singleChoiceType(parts: ChoiceTypeParts): QuestionType {
  return {
    name: parts.name,
    control: 'radios',
    values: (question) => parts.values(question),
    notCounted: (question) => parts.values(question).filter((value) => nonCommittalValues.has(value)),
    items: (question, label) => choiceItems(parts, question, label),
    parse(input, question) {
      const posted = postedStrings(input)
      if (posted.length === 0 || posted[0] === '')
        return question.optional ? { ok: true, value: null } : { ok: false, error: 'required' }
      const [value] = posted
      if (posted.length > 1 || value === undefined || !parts.values(question).includes(value))
        return { ok: false, error: 'invalid' }
      return { ok: true, value }
    },
    formValue: postedStrings,
    display: (value, label) => (typeof value === 'string' ? [label(value)] : []),
    csvValue: (value, label) => (typeof value === 'string' ? label(value) : ''),
    isAnswered,
    writtenText: () => undefined,
  }
}

/** Any number of answers from a list; "prefer not to say" stands alone. */
export function multipleChoiceType(parts: ChoiceTypeParts): QuestionType {
  const joined = (value: StoredAnswer, label: OptionLabeller): string =>
    Array.isArray(value) ? value.map(label).join('; ') : ''
  return {
    name: parts.name,
    control: 'checkboxes',
    values: (question) => parts.values(question),
    notCounted: (question) => parts.values(question).filter((value) => nonCommittalValues.has(value)),
    items: (question, label) => choiceItems(parts, question, label),
    parse(input, question) {
      const posted = postedStrings(input).filter((value) => value !== '')
      if (posted.length === 0)
        return question.optional ? { ok: true, value: null } : { ok: false, error: 'required' }
      const allowed = parts.values(question)
      if (posted.some((value) => !allowed.includes(value)) || new Set(posted).size !== posted.length)
        return { ok: false, error: 'invalid' }
      if (posted.length > 1 && posted.some((value) => nonCommittalValues.has(value)))
        return { ok: false, error: 'exclusive' }
      // Stored in the order shown, whatever order the browser sent them in.
      return { ok: true, value: allowed.filter((value) => posted.includes(value)) }
    },
    formValue: postedStrings,
    display: (value, label) => (Array.isArray(value) ? value.map(label) : []),
    csvValue: joined,
    isAnswered,
    writtenText: () => undefined,
  }
}
