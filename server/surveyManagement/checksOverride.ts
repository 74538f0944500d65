import { z } from 'zod'
import { blockingProblems, isMissingWords, type WordsProblem } from '../easyRead'
import { formErrors, type FormErrors } from '../forms/formErrors'
import type { Translate } from '../i18n/translator'
import { hasRole, type Role } from '../officers/roles'

/** The override boxes as posted, kept to show again. */
export interface OverrideValues {
  override: boolean
  overrideReason: string
}

/** What to do with words that failed (or passed) the easy-read checks. */
export type ChecksVerdict =
  | { outcome: 'pass' }
  | { outcome: 'overridden'; reason: string; overridden: WordsProblem[] }
  | { outcome: 'refused'; reasonErrors?: FormErrors }

const reasonSchema = z.object({
  overrideReason: z
    .string()
    .trim()
    .min(1, 'easyRead.errors.reasonRequired')
    .max(500, 'easyRead.errors.reasonTooLong'),
})

export function postedOverride(body: unknown): OverrideValues {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  return {
    override: fields.override === 'yes',
    overrideReason: typeof fields.overrideReason === 'string' ? fields.overrideReason : '',
  }
}

/**
 * Blocking problems refuse the save or the opening, unless an admin ticked the override and gave a
 * reason. Missing words are never overridden: respondents would meet empty questions. An analyst's
 * tick (the box is not shown to them, but could be posted) counts for nothing.
 */
export function checksVerdict(
  problems: readonly WordsProblem[],
  posted: OverrideValues,
  officer: { role: Role; t: Translate },
): ChecksVerdict {
  const blocking = blockingProblems(problems)
  if (blocking.length === 0) return { outcome: 'pass' }
  if (blocking.some(isMissingWords) || !posted.override || !hasRole(officer.role, 'admin'))
    return { outcome: 'refused' }
  const reason = reasonSchema.safeParse({ overrideReason: posted.overrideReason })
  if (!reason.success) return { outcome: 'refused', reasonErrors: formErrors(reason.error, officer.t) }
  return { outcome: 'overridden', reason: reason.data.overrideReason, overridden: blocking }
}

/** Whether an officer may be offered the override for these problems. */
export const mayOverride = (problems: readonly WordsProblem[], role: Role): boolean => {
  const blocking = blockingProblems(problems)
  return blocking.length > 0 && !blocking.some(isMissingWords) && hasRole(role, 'admin')
}
