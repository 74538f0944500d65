import type { MemoryFigures, MemoryReport } from './memorySampler'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const grouped = (value: number) => value.toLocaleString('en-GB')

export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`

/** Smallest and middle of the timings (the lower middle for an even count). */
export function minAndMedian(values: number[]): { min: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0] ?? Number.NaN, median: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN }
}

export function bytesText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${grouped(bytes)} B` : `${megabytes(bytes)} (${grouped(bytes)} B)`
}

const growth = (to: number, from: number) => `${to >= from ? '+' : '-'}${megabytes(Math.abs(to - from))}`

const figuresText = (figures: MemoryFigures, from?: MemoryFigures) => {
  const one = (name: string, key: keyof MemoryFigures) =>
    `${name} ${megabytes(figures[key])}${from ? ` (${growth(figures[key], from[key])})` : ''}`
  return [one('RSS', 'rss'), one('heap', 'heapUsed'), one('external', 'external')].join(', ')
}

/** Lines describing one sampled download. */
export function memoryLines(memory: MemoryReport): string[] {
  return [
    `memory before: ${figuresText(memory.baseline)}`,
    `memory peak:   ${figuresText(memory.peak, memory.baseline)}`,
    `sampling: ${memory.rssSamples} RSS samples (own thread), ${memory.heapSamples} heap samples (main thread); ` +
      `main thread's longest gap between 50 ms ticks ${memory.longestLoopGapMs} ms`,
  ]
}

/** The highest peak over several runs, and the most any run grew over its own baseline. */
export function peaksText(memories: MemoryReport[]): string {
  const highest = (key: keyof MemoryFigures) => Math.max(...memories.map(({ peak }) => peak[key]))
  const most = (key: keyof MemoryFigures) =>
    Math.max(...memories.map(({ peak, baseline }) => peak[key] - baseline[key]))
  const one = (name: string, key: keyof MemoryFigures) =>
    `${name} ${megabytes(highest(key))} (most growth +${megabytes(most(key))})`
  return `highest peak ${[one('RSS', 'rss'), one('heap', 'heapUsed'), one('external', 'external')].join(', ')}`
}
