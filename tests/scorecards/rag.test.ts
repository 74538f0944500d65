import { ragStatus } from '../../server/scorecards/model/rag'
import type { GoodIs, Target } from '../../server/scorecards/model/types'

const target80: Target = { date: '2026-12-31', value: 80 }
const target20: Target = { date: '2026-12-31', value: 20 }

/** A shown percentage, against 80% when good is up and 20% when good is down, with tolerance 5. */
function rate(goodIs: GoodIs, value: number | null, changes: Partial<Parameters<typeof ragStatus>[0]> = {}) {
  return ragStatus({
    goodIs,
    value,
    suppressed: false,
    target: goodIs === 'down' ? target20 : target80,
    amberTolerance: 5,
    unit: 'percentage',
    ...changes,
  })
}

describe('ragStatus when more is better', () => {
  it.each([
    [80, 'green', 'exactly on target'],
    [80.1, 'green', 'just above'],
    [100, 'green', 'far above'],
    [79.9, 'amber', 'just below'],
    [75, 'amber', 'exactly at the tolerance'],
    [74.9, 'red', 'just beyond the tolerance'],
    [0, 'red', 'far below'],
  ])('%f%% against 80%% is %s (%s)', (value, expected) => {
    expect(rate('up', value)).toBe(expected)
  })

  it('compares the figure as shown: 79.96% shows as 80.0%, on target', () => {
    expect(rate('up', 79.96)).toBe('green')
    expect(rate('up', 79.94)).toBe('amber')
  })

  it('rounds a half up, as the figure is shown', () => {
    // 74.95 shows as 75.0 (Intl.NumberFormat rounds halves away from zero): at the boundary.
    expect(rate('up', 74.95)).toBe('amber')
    expect(rate('up', 74.94)).toBe('red')
  })

  it('puts a boundary that floating point misses in amber', () => {
    // In floating point 10.3 - 0.2 is 10.100000000000001, above 10.1.
    const target: Target = { date: '2026-12-31', value: 10.3 }
    expect(rate('up', 10.1, { target, amberTolerance: 0.2, unit: 'rate' })).toBe('amber')
    expect(rate('up', 10.0, { target, amberTolerance: 0.2, unit: 'rate' })).toBe('red')
  })

  it('with tolerance 0, has no amber: on target or red', () => {
    expect(rate('up', 80, { amberTolerance: 0 })).toBe('green')
    expect(rate('up', 79.9, { amberTolerance: 0 })).toBe('red')
  })
})

describe('ragStatus when less is better', () => {
  it.each([
    [20, 'green', 'exactly on target'],
    [19.9, 'green', 'just below'],
    [0, 'green', 'far below'],
    [20.1, 'amber', 'just above'],
    [25, 'amber', 'exactly at the tolerance'],
    [25.1, 'red', 'just beyond the tolerance'],
    [100, 'red', 'far above'],
  ])('%f%% against 20%% is %s (%s)', (value, expected) => {
    expect(rate('down', value)).toBe(expected)
  })

  it('compares the figure as shown: 20.04% shows as 20.0%, on target', () => {
    expect(rate('down', 20.04)).toBe('green')
    expect(rate('down', 20.05)).toBe('amber')
  })

  it('puts a boundary that floating point misses in amber', () => {
    // In floating point 10.1 + 0.2 is 10.299999999999999, below 10.3.
    const target: Target = { date: '2026-12-31', value: 10.1 }
    expect(rate('down', 10.3, { target, amberTolerance: 0.2, unit: 'weeks' })).toBe('amber')
    expect(rate('down', 10.4, { target, amberTolerance: 0.2, unit: 'weeks' })).toBe('red')
  })

  it('with tolerance 0, has no amber: on target or red', () => {
    expect(rate('down', 20, { amberTolerance: 0 })).toBe('green')
    expect(rate('down', 20.1, { amberTolerance: 0 })).toBe('red')
  })

  it('rates counts the same way, as shown: whole', () => {
    const target: Target = { date: '2026-12-31', value: 12 }
    const count = (value: number) => rate('down', value, { target, amberTolerance: 3, unit: 'count' })
    expect(count(12)).toBe('green')
    // 12.4 is shown as 12: on target, where to one decimal it would be 0.4 over.
    expect(count(12.4)).toBe('green')
    expect(count(12.5)).toBe('amber')
    expect(count(15)).toBe('amber')
    expect(count(15.4)).toBe('amber')
    expect(count(16)).toBe('red')
  })
})

describe('ragStatus without a rating', () => {
  it('never rates a good-is-neither indicator, whatever else is missing', () => {
    expect(rate('neither', 80)).toBe('not-rated')
    expect(rate('neither', null, { target: null, suppressed: true })).toBe('not-rated')
  })

  it('says no-target when the indicator has none, before anything about the figure', () => {
    expect(rate('up', 80, { target: null })).toBe('no-target')
    expect(rate('down', null, { target: null, suppressed: true })).toBe('no-target')
  })

  it('says too-few when the figure is withheld', () => {
    expect(rate('up', null, { suppressed: true })).toBe('too-few')
    expect(rate('down', null, { suppressed: true })).toBe('too-few')
  })

  it('says no-data when there is no figure for the period', () => {
    expect(rate('up', null)).toBe('no-data')
    expect(rate('down', null)).toBe('no-data')
  })
})
