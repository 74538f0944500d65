import { applicableTarget } from '../../server/scorecards/model/targets'
import type { Period, Target } from '../../server/scorecards/model/types'

const quarter = (key: string, start: string, end: string): Period => ({
  key,
  frequency: 'quarterly',
  start,
  end,
})
const q1 = quarter('2026-Q1', '2026-01-01', '2026-03-31')
const q2 = quarter('2026-Q2', '2026-04-01', '2026-06-30')
const q3 = quarter('2026-Q3', '2026-07-01', '2026-09-30')
const q4 = quarter('2026-Q4', '2026-10-01', '2026-12-31')
const q1Next = quarter('2027-Q1', '2027-01-01', '2027-03-31')

// Three months, six months and a year into a plan that starts in January 2026; listed out of order
// to show the order they are stored in does not matter.
const sixMonths: Target = { date: '2026-06-30', value: 70 }
const threeMonths: Target = { date: '2026-03-31', value: 60 }
const oneYear: Target = { date: '2026-12-31', value: 80 }
const targets = [sixMonths, oneYear, threeMonths]

describe('applicableTarget', () => {
  it('is the first target for a period that ends before any target is due', () => {
    const early = quarter('2025-Q4', '2025-10-01', '2025-12-31')
    expect(applicableTarget(targets, early)).toBe(threeMonths)
  })

  it('is a target dated on the period’s last day', () => {
    expect(applicableTarget(targets, q1)).toBe(threeMonths)
    expect(applicableTarget(targets, q2)).toBe(sixMonths)
    expect(applicableTarget(targets, q4)).toBe(oneYear)
  })

  it('is a target dated on the period’s first day', () => {
    const fromFirstDay: Target = { date: '2026-07-01', value: 75 }
    expect(applicableTarget([...targets, fromFirstDay], q3)).toBe(fromFirstDay)
  })

  it('is the latest one already due between targets', () => {
    expect(applicableTarget(targets, q3)).toBe(sixMonths)
  })

  it('is the last target after every target is due', () => {
    expect(applicableTarget(targets, q1Next)).toBe(oneYear)
  })

  it('counts a target dated the day after the period ends as not yet due', () => {
    const julyFirst: Target = { date: '2026-07-01', value: 75 }
    expect(applicableTarget([threeMonths, julyFirst], q2)).toBe(threeMonths)
  })

  it('is null when there are no targets', () => {
    expect(applicableTarget([], q1)).toBeNull()
  })
})
