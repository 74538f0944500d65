import { londonToday } from '../../i18n/londonDates'
import { parsePeriod, periodContaining, periodsEndingWith } from './periods'
import { publishFrequencies, type Frequency, type Period, type PublishFrequency } from './types'

/*
 * The periods an organisation's scorecard is for: those of its publishing frequency (quarters,
 * half-years or years), which its officers look at and publish; and months, which a board reading
 * a monthly dashboard looks at but which are never published.
 */

// Two years back for quarters and half-years; three years, so the chooser offers more than the
// last full year, for an organisation publishing yearly.
const periodsOffered: Record<PublishFrequency, number> = { quarterly: 8, 'six-monthly': 4, annual: 3 }

/** This month and the eleven before it: a year of board meetings. */
const monthsOffered = 12

/** The period asked for (e.g. 2026-H1), or the one running today; undefined: not one of this frequency. */
export function chosenPeriod(
  frequency: Frequency,
  asked: unknown,
  today = londonToday(),
): Period | undefined {
  if (asked === undefined || asked === '') return periodContaining(frequency, today)
  return typeof asked === 'string' ? parsePeriod(frequency, asked) : undefined
}

/** The periods offered in the chooser: the one running and those before it, newest first. */
export const recentPeriods = (frequency: PublishFrequency, today = londonToday()): Period[] =>
  periodsEndingWith(periodContaining(frequency, today), periodsOffered[frequency]).reverse()

/** Periods that have ended and so may be published, newest first: the one still running is not. */
export const publishablePeriods = (frequency: PublishFrequency, today = londonToday()): Period[] =>
  recentPeriods(frequency, today).slice(1)

/**
 * The period a published scorecard is for, whatever frequency it was published at: an organisation
 * that changes how often it publishes keeps every address it has published at ("2026-Q2" after a
 * switch to yearly). The keys of the frequencies never look alike, so at most one reads a key.
 */
export function publishedPeriod(key: string): Period | undefined {
  for (const frequency of publishFrequencies) {
    const period = parsePeriod(frequency, key)
    if (period) return period
  }
  return undefined
}

/** The month asked for (YYYY-MM), or this month; undefined: not a month. */
export const chosenMonth = (asked: unknown, today = londonToday()): Period | undefined =>
  chosenPeriod('monthly', asked, today)

/** The months offered in the month chooser: this one and the eleven before it, newest first. */
export const recentMonths = (today = londonToday()): Period[] =>
  periodsEndingWith(periodContaining('monthly', today), monthsOffered).reverse()
