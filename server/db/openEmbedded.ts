import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { DurableNodeFs } from './durableNodeFs'

const megabyte = 1024 * 1024
/** One WAL segment: PostgreSQL cannot start, or commit anything, with less than this free. */
export const minimumFreeBytes = 16 * megabyte
/** A start that fails with less than this free is blamed on the disk rather than on PGlite. */
const tightFreeBytes = 64 * megabyte

// PGlite starts with -F (fsync off) unless told otherwise; fdatasync does nothing under Emscripten,
// so the WAL is flushed with fsync, which DurableNodeFs makes real.
const durableStartParams = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  ...['-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
]

export class DiskFullError extends Error {}

function freeBytes(dataDir: string): number {
  const stats = fs.statfsSync(dataDir)
  return stats.bavail * stats.bsize
}

function diskFull(dataDir: string, free: number): DiskFullError {
  const mb = (bytes: number) => `${Math.floor(bytes / megabyte)} MB`
  return new DiskFullError(
    `The disk holding the embedded database (${dataDir}) is full: ${mb(free)} free, and at least ` +
      `${mb(minimumFreeBytes)} are needed. Free some space on that disk, or set DATA_DIR to a ` +
      'folder on another one, then start Heard again.',
  )
}

/** Opens PGlite on disk with fsync on, and says plainly when the disk is why it cannot start. */
export async function openEmbedded(options: { dataDir: string; loadDataDir?: Blob; needBytes?: number }) {
  const need = options.needBytes ?? minimumFreeBytes
  const before = freeBytes(options.dataDir)
  if (before < need) throw diskFull(options.dataDir, before)
  try {
    return await PGlite.create({
      fs: new DurableNodeFs(options.dataDir),
      loadDataDir: options.loadDataDir,
      startParams: durableStartParams,
    })
  } catch (error) {
    const after = freeBytes(options.dataDir)
    if (after < tightFreeBytes) throw diskFull(options.dataDir, after)
    throw error
  }
}
