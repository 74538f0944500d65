import type { Period, Target } from './types'

/**
 * The target a period is judged against. An indicator's targets step up over time (say at 3, 6 and
 * 12 months), so a period answers to the latest target dated on or before its last day: one dated
 * within the period already applies to it. Before the first target's date the indicator is judged
 * against that first target, the one it is working towards, rather than shown as having none.
 * null only when the indicator has no targets at all. YYYY-MM-DD dates sort as strings.
 */
export function applicableTarget(targets: readonly Target[], period: Period): Target | null {
  const byDate = [...targets].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const reached = byDate.filter((target) => target.date <= period.end)
  return reached.at(-1) ?? byDate[0] ?? null
}
