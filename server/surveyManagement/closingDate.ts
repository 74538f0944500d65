import { z } from 'zod'
import { lastDayOf } from '../i18n/londonDates'

const part = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{0,4}$/, 'errors.closingDate.invalid')
    .refine((value) => value === '' || Number(value) <= max, 'errors.closingDate.invalid')

/**
 * The GOV.UK date input: day, month and year. All three empty removes the closing date; otherwise they
 * must make a real date, today or later (London time). Output: 'YYYY-MM-DD' or null.
 */
export function closingDateSchema(today: string) {
  return z.object({ day: part(31), month: part(12), year: part(9999) }).transform((date, context) => {
    const parts = [date.day, date.month, date.year]
    if (parts.every((value) => value === '')) return null
    if (parts.some((value) => value === '')) {
      context.addIssue({ code: 'custom', path: ['day'], message: 'errors.closingDate.incomplete' })
      return z.NEVER
    }
    const iso = `${date.year.padStart(4, '0')}-${date.month.padStart(2, '0')}-${date.day.padStart(2, '0')}`
    const parsed = new Date(`${iso}T12:00:00Z`)
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      context.addIssue({ code: 'custom', path: ['day'], message: 'errors.closingDate.invalid' })
      return z.NEVER
    }
    if (iso < today) {
      context.addIssue({ code: 'custom', path: ['day'], message: 'errors.closingDate.past' })
      return z.NEVER
    }
    return iso
  })
}

/** The closing-date boxes filled with the saved last day, so saving again keeps it. */
export function closingDateFields(closesAt: Date | null): { day: string; month: string; year: string } {
  if (!closesAt) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = lastDayOf(closesAt).split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}
