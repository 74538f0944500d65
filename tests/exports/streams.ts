import { Writable } from 'node:stream'

/** A Writable that keeps everything written, for reading an export back. */
export function collectingStream(): { output: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { output, bytes: () => Buffer.concat(chunks) }
}

/**
 * A Writable that only counts bytes and lines, and measures the heap every few chunks. It takes
 * each chunk on a later turn of the event loop, as a network socket would, so the export has to
 * wait for it rather than racing ahead.
 */
export function countingStream(measureHeap: () => number): {
  output: Writable
  bytes: () => number
  lines: () => number
  peakHeap: () => number
} {
  let bytes = 0
  let lines = 0
  let chunks = 0
  let peakHeap = 0
  const output = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1
      chunks += 1
      if (chunks % 16 === 0) peakHeap = Math.max(peakHeap, measureHeap())
      setImmediate(done)
    },
  })
  return { output, bytes: () => bytes, lines: () => lines, peakHeap: () => peakHeap }
}
