import { formatSubmittedDay } from '../../server/exports/submittedTime'

describe('formatSubmittedDay', () => {
  it('writes the day the database gave, whatever time zone the server runs in', () => {
    expect(formatSubmittedDay(new Date('2025-01-15T00:00:00Z'))).toBe('2025-01-15')
    expect(formatSubmittedDay(new Date('2025-03-30T00:00:00Z'))).toBe('2025-03-30')
    expect(formatSubmittedDay(new Date('2025-07-02T00:00:00Z'))).toBe('2025-07-02')
  })
})
