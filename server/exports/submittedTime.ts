/** Exports show UK local time, whatever time zone the server runs in. */
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

const hour = 60 * 60 * 1000

/** How far London is ahead of UTC at the start of an hour, from the time zone database. */
function londonOffsetAt(hourStart: number): number {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const { type, value } of london.formatToParts(hourStart)) part[type] = Number(value)
  const local = Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
  )
  return local - hourStart
}

// Asking Intl for every row costs more than the rest of the row together. London's clocks change
// only on the hour, so one answer serves a whole hour, and rows come in time order.
let cached = { hourStart: Number.NaN, offset: 0 }

const twoDigits = (value: number): string => String(value).padStart(2, '0')

/** "2025-03-30 14:05": sorts as text and reads the same in every language. */
export function formatSubmittedTime(time: Date): string {
  const ms = time.getTime()
  const hourStart = Math.floor(ms / hour) * hour
  if (cached.hourStart !== hourStart) cached = { hourStart, offset: londonOffsetAt(hourStart) }
  const local = new Date(ms + cached.offset)
  return (
    `${local.getUTCFullYear()}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())} ` +
    `${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}`
  )
}
