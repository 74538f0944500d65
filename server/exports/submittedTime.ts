/**
 * "2025-03-30": the day a response was sent, which is all a response keeps. It sorts as text and
 * reads the same in every language. The database hands a day over as midnight UTC of that date.
 */
export function formatSubmittedDay(day: Date): string {
  return day.toISOString().slice(0, 10)
}
