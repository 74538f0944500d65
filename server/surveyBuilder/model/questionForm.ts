import type { LanguageCode } from '../../i18n/languages'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import type { QuestionWords, SurveyWordsByLanguage } from '../../surveys/words'
import { formParts, typeOfKind, type QuestionKind } from './questionKinds'
import { freeId, idFromWords, stableIdPattern } from './stableIds'

/** One row of a choice question's answers: its stable id (fixed once saved) and its words by language. */
export interface OptionRow {
  id: string
  /** Saved before: its id no longer changes, since answers are stored by it. */
  fixed: boolean
  words: Record<string, string>
}

/** What the question form shows and posts, as text, so bad input can be shown again as typed. */
export interface QuestionFormValues {
  titles: Record<string, string>
  hints: Record<string, string>
  optional: string
  options: OptionRow[]
  dontKnow: boolean
  preferNotToSay: boolean
  min: string
  max: string
  maxLength: string
  bands: string
  outcome: string
}

/** A problem with one box: its id on the page and the locale key of the message. */
export interface FieldProblem {
  field: string
  key: string
  values?: Record<string, string | number>
}

export const maxOptionRows = 20
const blankRows = 2

const text = (body: Record<string, unknown>, name: string): string => {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** The form for a question as it is saved now, with blank rows to add answers. */
export function valuesOfQuestion(
  question: QuestionDefinition | undefined,
  words: SurveyWordsByLanguage,
  languages: LanguageCode[],
): QuestionFormValues {
  const own = (language: string) => (question ? words[language]?.questions[question.id] : undefined)
  const byLanguage = (pick: (words: QuestionWords | undefined) => string | undefined) =>
    Object.fromEntries(languages.map((language) => [language, pick(own(language)) ?? '']))
  const options: OptionRow[] =
    question && 'options' in question
      ? question.options.map((id) => ({
          id,
          fixed: true,
          words: byLanguage((questionWords) => questionWords?.options?.[id]),
        }))
      : []
  return {
    titles: byLanguage((questionWords) => questionWords?.title),
    hints: byLanguage((questionWords) => questionWords?.hint),
    optional: question?.optional ? 'yes' : 'no',
    options: [...options, ...blankOptionRows(languages, blankRows)],
    dontKnow: question !== undefined && 'dontKnow' in question ? question.dontKnow : false,
    preferNotToSay: question !== undefined && 'preferNotToSay' in question ? question.preferNotToSay : false,
    min: question?.type === 'number' && question.min !== undefined ? String(question.min) : '',
    max: question?.type === 'number' && question.max !== undefined ? String(question.max) : '',
    maxLength: question?.type === 'free-text' ? String(question.maxLength) : '1000',
    bands: question?.type === 'age-group' ? question.bands.join(', ') : '',
    outcome: question?.outcome ?? '',
  }
}

export const blankOptionRows = (languages: LanguageCode[], count: number): OptionRow[] =>
  Array.from({ length: count }, () => ({
    id: '',
    fixed: false,
    words: Object.fromEntries(languages.map((language) => [language, ''])),
  }))

/** Reads the posted form back into its values; option rows keep the ids the page fixed. */
export function postedQuestionForm(
  body: unknown,
  languages: LanguageCode[],
  fixedOptions: string[],
): QuestionFormValues {
  const posted = (body ?? {}) as Record<string, unknown>
  const rowCount = Math.min(Math.max(Number(text(posted, 'rows')) || 0, 0), maxOptionRows)
  const byLanguage = (prefix: string) =>
    Object.fromEntries(languages.map((language) => [language, text(posted, `${prefix}-${language}`)]))
  const options = Array.from({ length: rowCount }, (_, index) => {
    const id = text(posted, `option-${index}-id`)
    return { id, fixed: fixedOptions.includes(id), words: byLanguage(`option-${index}`) }
  })
  return {
    titles: byLanguage('title'),
    hints: byLanguage('hint'),
    optional: text(posted, 'optional'),
    options,
    dontKnow: text(posted, 'dontKnow') === 'yes',
    preferNotToSay: text(posted, 'preferNotToSay') === 'yes',
    min: text(posted, 'min'),
    max: text(posted, 'max'),
    maxLength: text(posted, 'maxLength'),
    bands: text(posted, 'bands'),
    outcome: text(posted, 'outcome'),
  }
}

const wholeNumber = /^-?\d{1,10}$/

export interface ParsedQuestion {
  question: QuestionDefinition
  words: Record<string, QuestionWords>
}

interface ParseContext {
  kind: QuestionKind
  languages: LanguageCode[]
  /** The question being edited; undefined when adding one. */
  existing: QuestionDefinition | undefined
  existingWords: SurveyWordsByLanguage
  /** Ids of every other question and information page, which a new id must not repeat. */
  takenIds: string[]
  outcomes: string[]
}

/**
 * Checks the form's own rules (words in every offered language, whole numbers, answer ids) and builds
 * the question and its words. Rules between questions are the survey schema's, checked after.
 */
export function parseQuestionForm(
  values: QuestionFormValues,
  context: ParseContext,
): { ok: true; parsed: ParsedQuestion } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const parts = formParts(context.kind)
  for (const language of context.languages)
    if (!values.titles[language])
      problems.push({ field: `title-${language}`, key: 'builder.errors.titleRequired' })
  for (const [field, value] of Object.entries({ ...values.titles, ...values.hints }))
    if (value.length > 500) problems.push({ field, key: 'builder.errors.tooLong' })
  if (values.optional !== 'yes' && values.optional !== 'no')
    problems.push({ field: 'optional', key: 'builder.errors.optionalRequired' })
  const options = parts.options ? parseOptions(values, context, problems) : []
  const numbers = parseNumbers(values, parts, problems)
  if (parts.outcome && !context.outcomes.includes(values.outcome))
    problems.push({ field: 'outcome', key: 'builder.errors.outcomeRequired' })
  const bands = values.bands.split(/[\s,]+/).filter((band) => band !== '')
  if (parts.bands && bands.length < 2) problems.push({ field: 'bands', key: 'builder.errors.bands' })
  if (problems.length > 0) return { ok: false, problems }

  const id = context.existing?.id ?? freeId(idFromWords(values.titles.en ?? '', 'question'), context.takenIds)
  const common = {
    id,
    optional: values.optional === 'yes',
    aboutYou: context.existing?.aboutYou ?? false,
    ...(context.existing?.picture ? { picture: context.existing.picture } : {}),
    ...(context.existing?.askIf ? { askIf: context.existing.askIf } : {}),
    ...(parts.outcome
      ? { outcome: values.outcome }
      : context.existing?.outcome
        ? { outcome: context.existing.outcome }
        : {}),
  }
  const question = buildQuestion(typeOfKind(context.kind), common, {
    values,
    options: options.map((row) => row.id),
    numbers,
    bands,
  })
  const words = Object.fromEntries(
    context.languages.map((language) => {
      const before = context.existingWords[language]?.questions[id]
      const optionWords = Object.fromEntries(options.map((row) => [row.id, row.words[language] ?? '']))
      const questionWords: QuestionWords = {
        title: values.titles[language] ?? '',
        ...(values.hints[language] ? { hint: values.hints[language] } : {}),
        ...(before?.pictureAlt ? { pictureAlt: before.pictureAlt } : {}),
        ...(options.length > 0 ? { options: optionWords } : {}),
        ...(before?.optionHints ? { optionHints: before.optionHints } : {}),
      }
      return [language, questionWords]
    }),
  )
  return { ok: true, parsed: { question, words } }
}

function parseOptions(
  values: QuestionFormValues,
  context: ParseContext,
  problems: FieldProblem[],
): OptionRow[] {
  const kept: OptionRow[] = []
  values.options.forEach((row, index) => {
    const filled = context.languages.filter((language) => row.words[language])
    // A row with no words is left out, an answer saved before included: past answers keep their version.
    if (filled.length === 0) return
    for (const language of context.languages)
      if (!row.words[language])
        problems.push({ field: `option-${index}-${language}`, key: 'builder.errors.optionWords' })
    let id = row.id
    if (!row.fixed) {
      if (id !== '' && !stableIdPattern.test(id)) {
        problems.push({ field: `option-${index}-id`, key: 'builder.errors.optionId' })
        return
      }
      if (id === '')
        id = freeId(
          idFromWords(row.words.en ?? '', `answer-${index + 1}`),
          kept.map((each) => each.id),
        )
    }
    if (kept.some((each) => each.id === id))
      problems.push({ field: `option-${index}-id`, key: 'builder.errors.optionIdTaken' })
    kept.push({ ...row, id })
  })
  if (kept.length < 2) problems.push({ field: 'option-0-en', key: 'builder.errors.twoOptions' })
  return kept
}

function parseNumbers(
  values: QuestionFormValues,
  parts: ReturnType<typeof formParts>,
  problems: FieldProblem[],
): { min?: number; max?: number; maxLength: number } {
  const result: { min?: number; max?: number; maxLength: number } = { maxLength: 1000 }
  if (parts.range)
    for (const field of ['min', 'max'] as const) {
      const value = values[field]
      if (value === '') continue
      if (!wholeNumber.test(value)) problems.push({ field, key: 'builder.errors.wholeNumber' })
      else result[field] = Number(value)
    }
  if (parts.range && result.min !== undefined && result.max !== undefined && result.min > result.max)
    problems.push({ field: 'max', key: 'builder.errors.maxBelowMin' })
  if (parts.maxLength) {
    const maxLength = Number(values.maxLength)
    if (!/^\d{2,4}$/.test(values.maxLength) || maxLength < 10 || maxLength > 5000)
      problems.push({ field: 'maxLength', key: 'builder.errors.maxLength' })
    else result.maxLength = maxLength
  }
  return result
}

type Common = Pick<QuestionDefinition, 'id' | 'optional' | 'aboutYou' | 'picture' | 'askIf' | 'outcome'>

function buildQuestion(
  type: QuestionDefinition['type'],
  common: Common,
  made: {
    values: QuestionFormValues
    options: string[]
    numbers: { min?: number; max?: number; maxLength: number }
    bands: string[]
  },
): QuestionDefinition {
  const { values, options, numbers, bands } = made
  switch (type) {
    case 'single-choice':
    case 'multiple-choice':
      return { ...common, type, options, dontKnow: values.dontKnow, preferNotToSay: values.preferNotToSay }
    case 'number':
      return {
        ...common,
        type,
        ...(numbers.min !== undefined ? { min: numbers.min } : {}),
        ...(numbers.max !== undefined ? { max: numbers.max } : {}),
        dontKnow: values.dontKnow,
        preferNotToSay: values.preferNotToSay,
      }
    case 'free-text':
      return { ...common, type, maxLength: numbers.maxLength }
    case 'age-group':
      return { ...common, type, bands }
    default:
      return { ...common, type }
  }
}
