/** The kinds of request a respondent makes, in journey order. */
export const requestKinds = [
  'start page',
  'start POST',
  'question GET',
  'answer POST',
  'check answers',
  'submit POST',
  'confirmation',
] as const

export type RequestKind = (typeof requestKinds)[number]

/** Nearest-rank percentile of numbers already sorted ascending. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** Request timings in milliseconds, by kind. */
export class Latencies {
  private readonly byKind = new Map<RequestKind, number[]>()

  add(kind: RequestKind, ms: number): void {
    const list = this.byKind.get(kind) ?? []
    list.push(ms)
    this.byKind.set(kind, list)
  }

  /** One table row a kind, then overall: count, p50, p95, p99. */
  table(): string {
    const row = (name: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      const cells = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(1).padStart(8))
      return `  ${name.padEnd(14)} ${String(sorted.length).padStart(7)} ${cells.join('')}`
    }
    const lines = [
      `  ${'request'.padEnd(14)} ${'count'.padStart(7)} ${['p50', 'p95', 'p99'].map((h) => h.padStart(8)).join('')}`,
    ]
    for (const kind of requestKinds) lines.push(row(kind, this.byKind.get(kind) ?? []))
    lines.push(row('overall', [...this.byKind.values()].flat()))
    return lines.join('\n')
  }
}
