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
