import { publishedPeriod } from '../model/scorecardPeriods'

export const publicFormats = ['page', 'json', 'csv', 'xlsx', 'pdf'] as const
export type PublicFormat = (typeof publicFormats)[number]

export interface PublicAddress {
  /** A period's key ("2026-Q3", "2026-H1", "2026"), or "latest" for the latest published. */
  period: string
  format: PublicFormat
}

// A year, a half-year or a quarter: any frequency the organisation publishes at now or did before.
const addressPattern = /^(latest|\d{4}(?:-q[1-4]|-h[12])?)(?:\.(json|csv|xlsx|pdf))?$/

/**
 * The last part of a public scorecard's address: "latest", "2026-q3", "2026-h1", "2026",
 * "latest.json", "2026-q3.pdf". Anything else (another word, a period that is not one, an unknown
 * format) is undefined.
 */
export function publicAddress(part: string): PublicAddress | undefined {
  const match = addressPattern.exec(part)
  if (!match) return undefined
  const [, period = '', extension] = match
  const format = (extension ?? 'page') as PublicFormat
  if (period === 'latest') return { period, format }
  const parsed = publishedPeriod(period)
  return parsed && { period: parsed.key, format }
}
