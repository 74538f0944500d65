import { z } from 'zod'

/** A survey's own retention period: whole months from 1 to 120, or empty for the organisation's default. */
export const retentionSchema = z.object({
  months: z
    .string()
    .trim()
    .transform((value, context) => {
      if (value === '') return null
      if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 120) {
        context.addIssue({ code: 'custom', message: 'retention.errors.months' })
        return z.NEVER
      }
      return Number(value)
    }),
})
