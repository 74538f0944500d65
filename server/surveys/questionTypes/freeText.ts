import { postedStrings, type QuestionType, type StoredAnswer } from './contract'

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** Counts characters as people see them, so an emoji or an accented letter counts once. */
export const characterCount = (text: string): number => Array.from(graphemes.segment(text)).length

// Control characters other than tab and new line carry no meaning in an answer, and PostgreSQL
// cannot store NUL in jsonb at all.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** Line breaks made one kind, control characters and broken surrogate pairs removed, ends trimmed. */
export const cleanText = (text: string): string =>
  text.toWellFormed().replace(/\r\n?/g, '\n').replace(controlCharacters, '').trim()

const textOf = (value: StoredAnswer): string => (typeof value === 'string' ? value : '')

export const freeTextType: QuestionType = {
  name: 'free-text',
  control: 'textarea',
  values: () => [],
  notCounted: () => [],
  items: () => [],
  parse(input, question) {
    const posted = postedStrings(input)
    if (posted.length > 1) return { ok: false, error: 'invalid' }
    const text = cleanText(posted[0] ?? '')
    if (text === '') return question.optional ? { ok: true, value: null } : { ok: false, error: 'required' }
    const maxLength = question.type === 'free-text' ? question.maxLength : 1000
    if (characterCount(text) > maxLength) return { ok: false, error: 'tooLong' }
    return { ok: true, value: text }
  },
  formValue: (input) => postedStrings(input).slice(0, 1),
  display: (value) => (typeof value === 'string' && value !== '' ? [value] : []),
  csvValue: textOf,
  isAnswered: (value) => typeof value === 'string' && value.length > 0,
  writtenText: (value) => (typeof value === 'string' && value !== '' ? value : undefined),
}
