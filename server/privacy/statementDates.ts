/**
 * When the accessibility statement was prepared and last reviewed, and when the service was last
 * tested. Change these when the statement is reviewed or the service is tested again.
 */
export const statementDates = {
  prepared: '2026-12-04',
  reviewed: '2026-12-04',
  tested: '2026-12-04',
} as const

/** A statement date at midday in London, so it is the same calendar day in every language's format. */
export const statementDate = (iso: string): Date => new Date(`${iso}T12:00:00Z`)
