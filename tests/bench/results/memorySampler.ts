import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Worker } from 'node:worker_threads'

export interface MemoryFigures {
  rss: number
  heapUsed: number
  /** Memory outside the JavaScript heap that V8 knows of: Buffers (streams' queues) and PGlite's WebAssembly memory. */
  external: number
}

export interface MemoryReport {
  baseline: MemoryFigures
  peak: MemoryFigures
  /** RSS is sampled by a thread of its own, so it keeps to ~50 ms however busy the app is. */
  rssSamples: number
  /**
   * The heap can only be read on the main thread, which the app shares (and PGlite too, whose
   * queries never give the event loop back): sampled every ~50 ms when the loop is free, and at
   * every piece of the body the client receives.
   */
  heapSamples: number
  /** The longest the main thread's event loop went without running the heap timer. */
  longestLoopGapMs: number
}

const sampleEveryMs = 50

// Plain JavaScript for the sampling thread: RSS is the whole process's, whichever thread reads it.
const samplerSource = `
const { parentPort, workerData } = require('node:worker_threads')
let peak = 0
let samples = 0
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss())
  samples += 1
}
const timer = setInterval(sample, workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  sample()
  parentPort.postMessage({ peak, samples })
})
sample()
parentPort.postMessage('ready')
`

interface RssResult {
  peak: number
  samples: number
}

const isRssResult = (value: unknown): value is RssResult =>
  typeof value === 'object' && value !== null && 'peak' in value && 'samples' in value

/** A thread sampling RSS until stopped. */
async function startRssSampler(): Promise<() => Promise<RssResult>> {
  const worker = new Worker(samplerSource, { eval: true, workerData: { everyMs: sampleEveryMs } })
  // Never what keeps the process alive, even if the work fails before the sampler is stopped.
  worker.unref()
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => {
      resolve()
    })
    worker.once('error', reject)
  })
  return async () => {
    const result = new Promise<RssResult>((resolve, reject) => {
      worker.once('message', (message: unknown) => {
        if (isRssResult(message)) resolve(message)
        else reject(new Error('the memory sampler answered strangely'))
      })
      worker.once('error', reject)
    })
    worker.postMessage('stop')
    try {
      return await result
    } finally {
      await worker.terminate()
    }
  }
}

const isCallable = (value: unknown): value is () => void => typeof value === 'function'

/** The garbage collector, for a settled baseline; tsx gives no --expose-gc, so it is switched on here. */
function findCollector(): (() => void) | undefined {
  setFlagsFromString('--expose-gc')
  const candidate: unknown = runInNewContext('gc')
  return isCallable(candidate) ? candidate : undefined
}

const collect = findCollector()

/**
 * Runs the work while sampling this process's memory (the app, its database when that is PGlite,
 * and the client all live in this process). The work is given a function to call as data arrives,
 * for extra heap samples. The baseline is taken after a full garbage collection.
 */
export async function whileSampling<T>(
  work: (sampleHeap: () => void) => Promise<T>,
): Promise<{ result: T; memory: MemoryReport }> {
  const stopRss = await startRssSampler()
  collect?.()
  const { heapUsed, external } = process.memoryUsage()
  const baseline = { rss: process.memoryUsage.rss(), heapUsed, external }
  const peak = { ...baseline }
  let heapSamples = 0
  let longestLoopGapMs = 0
  let lastTick = Date.now()
  const sampleHeap = () => {
    const now = process.memoryUsage()
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed)
    peak.external = Math.max(peak.external, now.external)
    heapSamples += 1
  }
  const timer = setInterval(() => {
    const now = Date.now()
    longestLoopGapMs = Math.max(longestLoopGapMs, now - lastTick)
    lastTick = now
    sampleHeap()
  }, sampleEveryMs)
  let rss: RssResult | undefined
  try {
    const result = await work(sampleHeap)
    sampleHeap()
    longestLoopGapMs = Math.max(longestLoopGapMs, Date.now() - lastTick)
    rss = await stopRss()
    return {
      result,
      memory: {
        baseline,
        peak: { ...peak, rss: Math.max(rss.peak, baseline.rss) },
        rssSamples: rss.samples,
        heapSamples,
        longestLoopGapMs,
      },
    }
  } finally {
    clearInterval(timer)
    if (!rss) await stopRss().catch(() => undefined)
  }
}
