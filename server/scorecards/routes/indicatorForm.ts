import { z } from 'zod'
import { directions, frequencies, indicatorKinds, units } from '../model/types'

const text = (max: number, key: string) =>
  z.string().trim().min(1, `errors.indicator.${key}.required`).max(max, `errors.indicator.${key}.tooLong`)

const optionalNumber = (key: string) =>
  z
    .string()
    .trim()
    // eslint-disable-next-line security/detect-unsafe-regex -- bounded: at most 15 characters, so linear
    .regex(/^(-?\d{1,9}(\.\d{1,4})?)?$/, `errors.indicator.${key}.notNumber`)
    .transform((value) => (value === '' ? null : Number(value)))

const optionalDay = (key: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      if (value === '') return true
      const parsed = new Date(`${value}T12:00:00Z`)
      return (
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        !Number.isNaN(parsed.getTime()) &&
        parsed.toISOString().startsWith(value)
      )
    }, `errors.indicator.${key}.notDate`)
    .transform((value) => (value === '' ? null : value))

export const targetSlots = [1, 2, 3] as const

export const indicatorFieldNames = [
  'number',
  'wording',
  'outcome',
  'kind',
  'survey',
  'unit',
  'goodIs',
  'frequency',
  'source',
  'dataOwner',
  'baselineValue',
  'baselineDate',
  'amberTolerance',
  ...targetSlots.flatMap((slot) => [`target${slot}Date`, `target${slot}Value`]),
]

const targetFields = Object.fromEntries(
  targetSlots.flatMap((slot) => [
    [`target${slot}Date`, optionalDay('targetDate')],
    [`target${slot}Value`, optionalNumber('targetValue')],
  ]),
) as Record<string, z.ZodType<string | number | null, string>>

/** An indicator's details as an officer types them; pairs (baseline, targets) need both halves. */
export const indicatorSchema = z
  .object({
    number: z
      .string()
      .trim()
      // eslint-disable-next-line security/detect-unsafe-regex -- bounded: at most 8 characters, so linear
      .regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'errors.indicator.number.invalid'),
    wording: text(300, 'wording'),
    outcome: z.string().min(1, 'errors.indicator.outcome.required'),
    kind: z.enum(indicatorKinds, { error: 'errors.indicator.kind.required' }),
    survey: z.string(),
    unit: z.enum(units, { error: 'errors.indicator.unit.required' }),
    goodIs: z.enum(directions, { error: 'errors.indicator.goodIs.required' }),
    frequency: z.enum(frequencies, { error: 'errors.indicator.frequency.required' }),
    source: text(200, 'source'),
    dataOwner: text(200, 'dataOwner'),
    baselineValue: optionalNumber('baselineValue'),
    baselineDate: optionalDay('baselineDate'),
    amberTolerance: z
      .string()
      .trim()
      // eslint-disable-next-line security/detect-unsafe-regex -- bounded: at most 11 characters, so linear
      .regex(/^\d{1,6}(\.\d{1,4})?$/, 'errors.indicator.amberTolerance.invalid')
      .transform(Number),
    ...targetFields,
  })
  .superRefine((form, context) => {
    if (form.kind === 'survey' && form.survey === '')
      context.addIssue({ code: 'custom', path: ['survey'], message: 'errors.indicator.survey.required' })
    if (form.kind === 'survey' && form.unit !== 'percentage')
      context.addIssue({
        code: 'custom',
        path: ['unit'],
        message: 'errors.indicator.unit.surveyIsPercentage',
      })
    if ((form.baselineValue === null) !== (form.baselineDate === null))
      context.addIssue({
        code: 'custom',
        path: ['baselineValue'],
        message: 'errors.indicator.baselineValue.pair',
      })
    for (const slot of targetSlots) {
      const date = (form as Record<string, unknown>)[`target${slot}Date`]
      const value = (form as Record<string, unknown>)[`target${slot}Value`]
      if ((date === null) !== (value === null))
        context.addIssue({
          code: 'custom',
          path: [`target${slot}Date`],
          message: 'errors.indicator.targetDate.pair',
        })
    }
  })

export type IndicatorForm = z.output<typeof indicatorSchema>

export function targetsFrom(form: IndicatorForm): { date: string; value: number }[] {
  const record = form as Record<string, unknown>
  const targets = targetSlots.flatMap((slot) => {
    const date = record[`target${slot}Date`]
    const value = record[`target${slot}Value`]
    return typeof date === 'string' && typeof value === 'number' ? [{ date, value }] : []
  })
  return [...new Map(targets.map((target) => [target.date, target])).values()].sort((a, b) =>
    a.date.localeCompare(b.date),
  )
}
