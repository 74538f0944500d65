import type { MemoryReport } from './memorySampler'

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

export function memoryText({ baseline, peak, samples, longestGapMs }: MemoryReport): string {
  const growth = (to: number, from: number) => `${to >= from ? '+' : ''}${megabytes(to - from)}`
  return (
    `baseline RSS ${megabytes(baseline.rss)}, heap ${megabytes(baseline.heapUsed)}; ` +
    `peak RSS ${megabytes(peak.rss)} (${growth(peak.rss, baseline.rss)}), ` +
    `heap ${megabytes(peak.heapUsed)} (${growth(peak.heapUsed, baseline.heapUsed)}); ` +
    `${samples} samples, longest gap ${longestGapMs} ms`
  )
}
