import { londonToday } from '../../i18n/londonDates'
import { parsePeriod, periodContaining, periodsEndingWith } from './periods'
import type { Period } from './types'

/** The quarter a scorecard page shows: the one asked for (e.g. 2026-Q3), or this one. undefined: not a quarter. */
export function chosenQuarter(asked: unknown, today = londonToday()): Period | undefined {
  if (asked === undefined || asked === '') return periodContaining('quarterly', today)
  return typeof asked === 'string' ? parsePeriod('quarterly', asked) : undefined
}

/** The quarters offered in the chooser: this one and the seven before it, newest first. */
export const recentQuarters = (today = londonToday()): Period[] =>
  periodsEndingWith(periodContaining('quarterly', today), 8).reverse()

/** Quarters that have ended and so may be published, newest first: a quarter still running is not. */
export const publishableQuarters = (today = londonToday()): Period[] => recentQuarters(today).slice(1)
