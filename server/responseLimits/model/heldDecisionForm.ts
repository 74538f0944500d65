import { z } from 'zod'
import { holdReasons } from './holdRules'

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

const form = 'responseLimits.held.errors.form'

/**
 * Include or discard: the held responses ticked, and every response held for a reason ticked (up to
 * when the page was shown). Anything a page of ours could not have sent means the page was out of date.
 */
export const heldDecisionSchema = z
  .object({
    references: z
      .array(z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/, { error: form }))
      .max(1000, { error: form }),
    reasons: z.array(z.enum(holdReasons, { error: form })),
    decision: z.enum(['include', 'discard'], { error: 'responseLimits.held.errors.decision' }),
    heldUpTo: z.iso.datetime({ error: form }).transform((text) => new Date(text)),
  })
  .refine((choice) => choice.references.length > 0 || choice.reasons.length > 0, {
    error: 'responseLimits.held.errors.noneChosen',
    path: ['choose'],
  })

export interface HeldDecisionValues {
  references: string[]
  reasons: string[]
  decision: string
  heldUpTo: string
}

/** The form as posted, to check and to show again with the same boxes ticked. */
export function heldDecisionValues(body: unknown): HeldDecisionValues {
  const fields = (body ?? {}) as Record<string, unknown>
  const texts = (value: unknown) => asList(value).filter((item): item is string => typeof item === 'string')
  return {
    references: texts(fields.responses),
    reasons: texts(fields.reasons),
    decision: typeof fields.decision === 'string' ? fields.decision : '',
    heldUpTo: typeof fields.heldUpTo === 'string' ? fields.heldUpTo : '',
  }
}
