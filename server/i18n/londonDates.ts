/** Today's date in England and Wales, as YYYY-MM-DD. */
export const londonToday = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now)

/**
 * The last day a survey takes answers, as YYYY-MM-DD. closes_at is stored as the first moment of the
 * next London day, so the last day is the London date of the moment before it.
 */
export const lastDayOf = (closesAt: Date): string => londonToday(new Date(closesAt.getTime() - 1))
