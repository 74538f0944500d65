import { formatSubmittedTime } from '../../server/exports/submittedTime'

describe('formatSubmittedTime', () => {
  it('shows Greenwich Mean Time in winter', () => {
    expect(formatSubmittedTime(new Date('2025-01-15T09:05:59Z'))).toBe('2025-01-15 09:05')
  })

  it('shows British Summer Time in summer, moving the date at midnight', () => {
    expect(formatSubmittedTime(new Date('2025-07-01T23:30:00Z'))).toBe('2025-07-02 00:30')
  })

  it('follows the clocks going forward', () => {
    expect(formatSubmittedTime(new Date('2025-03-30T00:59:00Z'))).toBe('2025-03-30 00:59')
    expect(formatSubmittedTime(new Date('2025-03-30T01:00:00Z'))).toBe('2025-03-30 02:00')
  })
})

describe('formatSubmittedTime against Intl for every quarter hour of a year', () => {
  const intl = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London',
    dateStyle: 'short',
    timeStyle: 'short',
  })

  it('agrees, through both changes of the clocks and in any order', () => {
    const start = Date.UTC(2025, 0, 1)
    const times = Array.from(
      { length: 366 * 24 * 4 },
      (_, index) => start + index * 15 * 60 * 1000 + 7 * 1000,
    )
    const shuffled = [
      ...times.filter((_, index) => index % 2 === 0),
      ...times.filter((_, index) => index % 2),
    ]
    const differences = shuffled.filter((time) => formatSubmittedTime(new Date(time)) !== intl.format(time))
    expect(differences.map((time) => new Date(time).toISOString())).toEqual([])
  })
})
