import { performance } from 'node:perf_hooks'
import { Latencies, type RequestKind } from '../latency'

/** Latencies that can also say how many requests there were and each kind's p95, to judge the targets. */
export class LoadLatencies extends Latencies {
  private readonly kept = new Map<RequestKind, number[]>()
  /** Requests answered before measuring began, while the server warmed up; not counted. */
  warmUpRequests = 0

  /** countFrom: the performance.now() from which requests count. */
  constructor(private readonly countFrom = 0) {
    super()
  }

  override add(kind: RequestKind, ms: number): void {
    if (performance.now() < this.countFrom) {
      this.warmUpRequests += 1
      return
    }
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
