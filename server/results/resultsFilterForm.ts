import { z } from 'zod'
import { postedFields } from '../forms/postedFields'
import { isLanguageCode } from '../i18n/languages'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { ResultsFilter } from './types'

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.resultsDate.invalid')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'errors.resultsDate.invalid',
  )

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value)

/** The filter form's fields as the query string carries them: from, to, language and about-<question>. */
export type FilterFields = Record<string, string>

export const filterFieldNames = (definition: SurveyDefinition): string[] => [
  'from',
  'to',
  'language',
  ...definition.questions.filter((question) => question.aboutYou).map((question) => `about-${question.id}`),
]

/**
 * Checks the results filter against the survey: real dates in order, a language we have, and about-you
 * answers that are options of their question. Dates are whole days in London time; `to` is inclusive.
 */
export function resultsFilterSchema(definition: SurveyDefinition) {
  const aboutYou = definition.questions.filter((question) => question.aboutYou)
  const shape: Record<string, z.ZodType> = {
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    language: z.preprocess(
      blankToUndefined,
      z.string().refine(isLanguageCode, 'errors.resultsLanguage.invalid').optional(),
    ),
  }
  for (const question of aboutYou) {
    const values = questionTypeFor(question).values(question)
    shape[`about-${question.id}`] = z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((value) => values.includes(value), 'errors.resultsAbout.invalid')
        .optional(),
    )
  }
  return z
    .object(shape)
    .refine(
      (fields) =>
        !(typeof fields.from === 'string' && typeof fields.to === 'string' && fields.from > fields.to),
      {
        message: 'errors.resultsDate.order',
        path: ['to'],
      },
    )
    .transform(
      (fields): { from?: string; to?: string; language?: string; aboutYou: Record<string, string> } => ({
        from: fields.from as string | undefined,
        to: fields.to as string | undefined,
        language: fields.language as string | undefined,
        aboutYou: Object.fromEntries(
          aboutYou.flatMap((question) => {
            const value = fields[`about-${question.id}`]
            return typeof value === 'string' ? [[question.id, value]] : []
          }),
        ),
      }),
    )
}

/** London midnight at the start of a day, as an instant. */
export function londonMidnight(isoDay: string): Date {
  const guess = new Date(`${isoDay}T00:00:00Z`)
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(
      guess,
    ),
  )
  // London is UTC or one hour ahead (summer time), so midnight there is 00:00 or 23:00 the day before in UTC.
  return new Date(guess.getTime() - londonHour * 3_600_000)
}

const nextDay = (isoDay: string): string => {
  const date = new Date(`${isoDay}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export function toResultsFilter(parsed: {
  from?: string
  to?: string
  language?: string
  aboutYou: Record<string, string>
}): ResultsFilter {
  return {
    from: parsed.from ? londonMidnight(parsed.from) : undefined,
    to: parsed.to ? londonMidnight(nextDay(parsed.to)) : undefined,
    language: parsed.language,
    aboutYou: Object.keys(parsed.aboutYou).length > 0 ? parsed.aboutYou : undefined,
  }
}

/**
 * The results selection a request's query string asks for: the fields as typed (to show again), those
 * filled in (for links and the audit log), and either the filter or what is wrong with it. The results page and every download use this one.
 */
export function parseResultsQuery(query: unknown, definition: SurveyDefinition) {
  const values = postedFields(query, filterFieldNames(definition))
  const parsed = resultsFilterSchema(definition).safeParse(values)
  const chosen = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''))
  return {
    values,
    chosen,
    errors: parsed.success ? undefined : parsed.error,
    filter: parsed.success ? toResultsFilter(parsed.data) : undefined,
  }
}
