import fs from 'node:fs'
import { NodeFS } from '@electric-sql/pglite/nodefs'

/*
 * PGlite 0.5.16 on Node writes through Emscripten's NODEFS, whose streams have no fsync: PostgreSQL's
 * fsync() calls return at once and nothing reaches the disk until the kernel flushes it. This file
 * system gives those streams a real fsync, so with fsync on (and wal_sync_method=fsync, because
 * fdatasync is a no-op in the same layer) a committed response survives a power cut.
 */
interface NodeStream {
  nfd?: number
}

export class DurableNodeFs extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const { emscriptenOpts } = await super.init(...args)
    const giveStreamsFsync = (mod: { NODEFS: unknown }) => {
      const streamOps = (mod.NODEFS as { stream_ops: Record<string, unknown> }).stream_ops
      streamOps.fsync = (stream: NodeStream) => {
        if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd)
        return 0
      }
    }
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), giveStreamsFsync] },
    }
  }
}
