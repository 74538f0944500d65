import { z } from 'zod'
import { groupSessionHours } from './groupCode'

/** Opening a group session: an optional name a class will recognise, and how many hours it stays open. */
export const groupSessionSchema = z.object({
  label: z
    .string()
    .trim()
    .max(100, { error: 'responseLimits.groupSessions.errors.labelTooLong' })
    .transform((label) => (label === '' ? null : label)),
  hours: z
    .string()
    .regex(/^\d{1,2}$/, { error: 'responseLimits.groupSessions.errors.hours' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: 'responseLimits.groupSessions.errors.hours' })
        .max(groupSessionHours.max, { error: 'responseLimits.groupSessions.errors.hours' }),
    ),
})

export type GroupSessionValues = { label: string; hours: string }

/** The form's fields as typed, for showing them again; anything not text is shown as empty. */
export function groupSessionValues(body: unknown): GroupSessionValues {
  const fields = (body ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return { label: text(fields.label), hours: text(fields.hours) }
}
