import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface MemoryFigures {
  rss: number
  heapUsed: number
}

export interface MemoryReport {
  baseline: MemoryFigures
  peak: MemoryFigures
  samples: number
  /** The longest wait between two samples: a busy event loop (PGlite runs in it) delays the timer. */
  longestGapMs: number
}

const sampleEveryMs = 50

const isCallable = (value: unknown): value is () => void => typeof value === 'function'

/** The garbage collector, for a settled baseline; tsx gives no --expose-gc, so it is switched on here. */
function findCollector(): (() => void) | undefined {
  setFlagsFromString('--expose-gc')
  const candidate: unknown = runInNewContext('gc')
  return isCallable(candidate) ? candidate : undefined
}

const collect = findCollector()

const current = (): MemoryFigures => {
  const { rss, heapUsed } = process.memoryUsage()
  return { rss, heapUsed }
}

/**
 * Runs the work while sampling this process's memory every ~50 ms (the app, its database when that
 * is PGlite, and the client all live in this process). The baseline is taken after a collection.
 */
export async function whileSampling<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemoryReport }> {
  collect?.()
  const baseline = current()
  const peak = { ...baseline }
  let samples = 0
  let longestGapMs = 0
  let last = Date.now()
  const sample = () => {
    const now = Date.now()
    longestGapMs = Math.max(longestGapMs, now - last)
    last = now
    const figures = current()
    peak.rss = Math.max(peak.rss, figures.rss)
    peak.heapUsed = Math.max(peak.heapUsed, figures.heapUsed)
    samples += 1
  }
  const timer = setInterval(sample, sampleEveryMs)
  try {
    const result = await work()
    sample()
    return { result, memory: { baseline, peak, samples, longestGapMs } }
  } finally {
    clearInterval(timer)
  }
}
