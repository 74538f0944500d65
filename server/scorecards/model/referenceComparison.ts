import type { GoodIs, ReferenceComparison, ShownFact } from './types'

/**
 * The local figure against a reference value, as the public health profiles compare an area with
 * England: the reference, a figure for a whole population, is taken as known, and the local figure
 * differs from it significantly (at 5%) when the reference lies outside the local figure's 95%
 * Wilson interval. A figure with no count has no interval, and so is not tested: its raw
 * difference is shown and left to the reader.
 */
export function compareWithReference(
  current: ShownFact,
  reference: number,
  goodIs: GoodIs,
): ReferenceComparison {
  if (current.suppressed || current.value === null) return 'no-figure'
  if (!current.interval) return 'not-tested'
  if (reference >= current.interval.lower && reference <= current.interval.upper) return 'similar'
  const higher = reference < current.interval.lower
  if (goodIs === 'neither') return higher ? 'higher' : 'lower'
  return higher === (goodIs === 'up') ? 'better' : 'worse'
}
