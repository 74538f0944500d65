import { Worker } from 'node:worker_threads'

export interface LoadFigures {
  requests: number
  notModified: number
  p50: number
  p95: number
  p99: number
  max: number
  perSecond: number
  /** How the 200 answers came: gzip, as browsers ask for it, or identity. */
  contentEncodings: string[]
}

/*
 * The visitors run in a worker thread of their own, so that on a small machine the server's thread
 * is not also the one making and timing 50 visitors' requests. Each visitor keeps one HTTP/1.1
 * keep-alive connection, as a browser or a CDN does, through undici's Pool (the client inside Node's
 * fetch, without fetch's streams and objects): on two shared cores fetch spent several times the
 * CPU per request, time then counted as the server's. A visitor asks as a browser does
 * (Accept-Encoding: gzip) and its time runs to the last byte received; unzipping is the browser's
 * own work, after the server's is done. The figures are for a page served all day: each visitor
 * first opens its connection and asks `warmUp` times untimed, so that connection set-up and the
 * server's first, unoptimised runs of its code are not counted as the steady state. Plain
 * JavaScript, as a worker made from a string is not compiled.
 */
const visitors = `
const { parentPort, workerData } = require('node:worker_threads')
const { performance } = require('node:perf_hooks')
const { Pool } = require(workerData.undici)
const { url, clients, each, warmUp, etag } = workerData
const target = new URL(url)
const pool = new Pool(target.origin, { connections: clients })
const headers = { 'accept-encoding': 'gzip, deflate, br', ...(etag ? { 'if-none-match': etag } : {}) }
const times = []
const encodings = new Set()
let notModified = 0
async function ask(timed) {
  const asked = performance.now()
  const response = await pool.request({ path: target.pathname + target.search, method: 'GET', headers })
  for await (const _chunk of response.body);
  if (!timed) return
  times.push(performance.now() - asked)
  if (response.statusCode === 304) notModified += 1
  else if (response.statusCode !== 200) throw new Error('GET ' + url + ' gave ' + response.statusCode)
  else encodings.add(response.headers['content-encoding'] ?? 'identity')
}
const everyVisitor = (times, timed) =>
  Promise.all(Array.from({ length: clients }, async () => {
    for (let request = 0; request < times; request++) await ask(timed)
  }))
let started = 0
everyVisitor(warmUp, false).then(() => {
  started = performance.now()
  return everyVisitor(each, true)
}).then(
  async () => {
    const took = performance.now() - started
    await pool.close()
    parentPort.postMessage({ times, notModified, took, encodings: [...encodings] })
  },
  (error) => parentPort.postMessage({ error: String(error) }),
)
`

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0

interface VisitorsResult {
  times?: number[]
  notModified?: number
  took?: number
  encodings?: string[]
  error?: string
}

/**
 * `clients` visitors at once, each asking for `path` `each` times in turn over its own keep-alive
 * connection, optionally with the ETag of an earlier answer as a browser revalidating would. Throws
 * on any answer but 200 or 304.
 */
export async function loadPublicPage(
  baseUrl: string,
  path: string,
  options: { clients: number; each: number; warmUp: number; etag?: string },
): Promise<LoadFigures> {
  const worker = new Worker(visitors, {
    eval: true,
    workerData: { url: `${baseUrl}${path}`, undici: require.resolve('undici'), ...options },
  })
  const result = await new Promise<VisitorsResult>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  if (result.error || !result.times) throw new Error(result.error ?? 'the visitors sent no figures')
  const sorted = [...result.times].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    notModified: result.notModified ?? 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? 0,
    perSecond: (sorted.length / (result.took ?? 1)) * 1000,
    contentEncodings: result.encodings ?? [],
  }
}
