import { Writable } from 'node:stream'

/** A Writable that keeps everything written, for reading an export back. */
export function collectingStream(): { output: Writable; bytes(): Buffer } {
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
 * A Writable that only counts, and notes the most heap in use while it was written to. It takes
 * each chunk on a later turn of the event loop, as a network socket would, so the export has to
 * wait for it rather than racing ahead.
 */
export function countingStream(): { output: Writable; bytes(): number; peakHeap(): number } {
  let bytes = 0
  let peakHeap = 0
  const output = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      setImmediate(done)
    },
  })
  return { output, bytes: () => bytes, peakHeap: () => peakHeap }
}
