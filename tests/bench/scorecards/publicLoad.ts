import { Worker } from 'node:worker_threads'

export interface LoadFigures {
  requests: number
  notModified: number
  p50: number
  p95: number
  max: number
  perSecond: number
}

/*
 * The visitors run in a worker thread of their own, so that on a small machine the server's thread
 * is not also the one making and timing 50 visitors' requests. Plain JavaScript, as a worker made
 * from a string is not compiled.
 */
const visitors = `
const { parentPort, workerData } = require('node:worker_threads')
const { performance } = require('node:perf_hooks')
const { url, clients, each, etag } = workerData
const times = []
let notModified = 0
const started = performance.now()
Promise.all(Array.from({ length: clients }, async () => {
  for (let request = 0; request < each; request++) {
    const asked = performance.now()
    const response = await fetch(url, { headers: etag ? { 'If-None-Match': etag } : {} })
    await response.arrayBuffer()
    times.push(performance.now() - asked)
    if (response.status === 304) notModified += 1
    else if (response.status !== 200) throw new Error('GET ' + url + ' gave ' + response.status)
  }
})).then(
  () => parentPort.postMessage({ times, notModified, took: performance.now() - started }),
  (error) => parentPort.postMessage({ error: String(error) }),
)
`

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0

/**
 * `clients` visitors at once, each asking for `path` `each` times in turn over keep-alive
 * connections (Node's fetch), optionally with the ETag of an earlier answer as a browser
 * revalidating would. Throws on any answer but 200 or 304.
 */
export async function loadPublicPage(
  baseUrl: string,
  path: string,
  options: { clients: number; each: number; etag?: string },
): Promise<LoadFigures> {
  const worker = new Worker(visitors, {
    eval: true,
    workerData: { url: `${baseUrl}${path}`, ...options },
  })
  const result = await new Promise<{ times?: number[]; notModified?: number; took?: number; error?: string }>(
    (resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    },
  )
  await worker.terminate()
  if (result.error || !result.times) throw new Error(result.error ?? 'the visitors sent no figures')
  const sorted = [...result.times].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    notModified: result.notModified ?? 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: sorted.at(-1) ?? 0,
    perSecond: (sorted.length / (result.took ?? 1)) * 1000,
  }
}
