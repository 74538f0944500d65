import { Latencies, type RequestKind } from '../latency'

/** Latencies that can also say how many requests there were and each kind's p95, to judge the targets. */
export class LoadLatencies extends Latencies {
  private readonly kept = new Map<RequestKind, number[]>()

  override add(kind: RequestKind, ms: number): void {
    super.add(kind, ms)
    const list = this.kept.get(kind) ?? []
    list.push(ms)
    this.kept.set(kind, list)
  }

  count(): number {
    let total = 0
    for (const list of this.kept.values()) total += list.length
    return total
  }

  /** Nearest-rank p95 of each kind of request seen. */
  p95ByKind(): [RequestKind, number][] {
    return [...this.kept].map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b)
      return [kind, sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0]
    })
  }
}
