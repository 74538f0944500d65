import { parsePeriod } from '../model/periods'

export const publicFormats = ['page', 'json', 'csv', 'xlsx', 'pdf'] as const
export type PublicFormat = (typeof publicFormats)[number]

export interface PublicAddress {
  /** A period's key ("2026-Q3"), or "latest" for the latest published. */
  period: string
  format: PublicFormat
}

const addressPattern = /^(latest|\d{4}-q[1-4])(?:\.(json|csv|xlsx|pdf))?$/

/**
 * The last part of a public scorecard's address: "latest", "2026-q3", "latest.json", "2026-q3.pdf".
 * Anything else (another word, a period that is not one, an unknown format) is undefined.
 */
export function publicAddress(part: string): PublicAddress | undefined {
  const match = addressPattern.exec(part)
  if (!match) return undefined
  const [, period = '', extension] = match
  const format = (extension ?? 'page') as PublicFormat
  if (period === 'latest') return { period, format }
  const parsed = parsePeriod('quarterly', period)
  return parsed && { period: parsed.key, format }
}
