import { z } from 'zod'

/**
 * Reminder days as an analyst types them: "7, 14" (or "7 14", or empty for none). Up to three, each
 * a whole number of days after the invitation from 1 to 60, no day twice. Output: sorted numbers.
 */
export const reminderDaysSchema = z.object({
  reminderDays: z
    .string()
    .max(40, 'invitations.errors.reminderDays.invalid')
    .transform((text) => text.split(/[\s,]+/).filter((part) => part !== ''))
    .refine(
      (parts) => parts.every((part) => /^\d{1,2}$/.test(part)),
      'invitations.errors.reminderDays.invalid',
    )
    .transform((parts) => [...new Set(parts.map(Number))].sort((a, b) => a - b))
    .refine((days) => days.every((day) => day >= 1 && day <= 60), 'invitations.errors.reminderDays.range')
    .refine((days) => days.length <= 3, 'invitations.errors.reminderDays.tooMany'),
})
