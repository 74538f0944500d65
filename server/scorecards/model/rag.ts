import type { GoodIs, RagStatus, Target, Unit } from './types'

/** Rounded to a whole number, halves away from zero, as Intl.NumberFormat rounds what it shows. */
const roundAway = (value: number): number => Math.sign(value) * Math.round(Math.abs(value))

/**
 * Figures compared in whole tenths, so float error stays off the boundaries: in floating point
 * 10.3 - 0.2 is 10.100000000000001, which would make a figure of exactly 10.1 red rather than amber;
 * in tenths it is 103 - 2 = 101.
 */
const tenths = (value: number): number => roundAway(value * 10)

/** The value as a scorecard shows it, in tenths: counts are shown whole, every other unit to 0.1. */
const shownTenths = (value: number, unit: Unit): number =>
  unit === 'count' ? 10 * roundAway(value) : tenths(value)

/**
 * Red, amber or green against the target that applies, or why there is no rating. In order: a
 * good-is-neither indicator is never rated; then no target, a withheld figure and no figure each
 * say so.
 *
 * The value is compared as shown, to one decimal place (counts to a whole number): a reader who
 * sees "80.0%" against a target of 80 must see it on target, even if the unrounded share was
 * 79.96%. Good is up: green at or above the target, amber within `amberTolerance` below it (the
 * boundary itself is amber), red beyond. Good is down mirrors it.
 */
export function ragStatus(input: {
  goodIs: GoodIs
  value: number | null
  suppressed: boolean
  target: Target | null
  amberTolerance: number
  unit: Unit
}): RagStatus {
  const { goodIs, value, suppressed, target, amberTolerance, unit } = input
  if (goodIs === 'neither') return 'not-rated'
  if (target === null) return 'no-target'
  if (suppressed) return 'too-few'
  if (value === null) return 'no-data'
  // Signed so that above zero is always better: distance past the target, in tenths.
  const shown = shownTenths(value, unit)
  const better = goodIs === 'up' ? shown - tenths(target.value) : tenths(target.value) - shown
  if (better >= 0) return 'green'
  if (better >= -tenths(amberTolerance)) return 'amber'
  return 'red'
}
