import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'

/** Thrown when the output closes before the export is written, e.g. a download given up half-way. */
export class OutputClosedError extends Error {
  constructor() {
    super('The output closed before the export was written')
    this.name = 'OutputClosedError'
  }
}

/**
 * Resolves once the output wants more. A closed output never drains, so closing rejects instead:
 * otherwise a given-up download would leave the export waiting for ever. `full` says the last write
 * was refused: behind the compression middleware a response's writableNeedDrain stays false while
 * its gzip stream is full, so the refusal is the only sign, and its 'drain' is the gzip stream's.
 */
export function waitForDrain(output: Writable, options: { full?: boolean } = {}): Promise<void> {
  if (output.destroyed) return Promise.reject(new OutputClosedError())
  if (!options.full && !output.writableNeedDrain) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      output.off('drain', onDrain)
      output.off('close', onClose)
      output.off('error', onError)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => {
      settle()
    }
    const onClose = () => {
      settle(new OutputClosedError())
    }
    const onError = (error: Error) => {
      settle(error)
    }
    output.on('drain', onDrain)
    output.on('close', onClose)
    output.on('error', onError)
  })
}

/** Writes text and waits while the output is full, so a slow reader slows the export, not memory. */
export async function writeText(output: Writable, text: string): Promise<void> {
  if (output.destroyed) throw new OutputClosedError()
  if (!output.write(text, 'utf8')) await waitForDrain(output, { full: true })
}

/** Ends the output and waits until everything written has been handed on. */
export async function endOutput(output: Writable): Promise<void> {
  output.end()
  await finished(output)
}
