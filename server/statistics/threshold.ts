/** The smallest count published unless an organisation sets another. */
export const defaultThreshold = 10

/** No organisation may publish counts smaller than this, whatever its setting says. */
export const lowestThreshold = 5

/**
 * The threshold actually applied for an organisation's setting. A setting below 5 is raised to 5
 * rather than rejected, so a bad setting can never publish small counts yet a board report still
 * renders; the threshold used is stated in the results (`SurveyResults.threshold`). A fractional
 * setting is rounded up, the safe way.
 */
export function thresholdFrom(setting: number = defaultThreshold): number {
  if (!Number.isFinite(setting)) throw new RangeError(`A threshold must be a number, not ${setting}`)
  return Math.max(lowestThreshold, Math.ceil(setting))
}

/**
 * A count that could single someone out: from 1 to threshold - 1. Zero is never small: saying nobody
 * gave an answer tells no one anything about a person.
 */
export const isSmall = (count: number, threshold: number): boolean => count > 0 && count < threshold
