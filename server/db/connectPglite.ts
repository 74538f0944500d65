import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import type { Database } from './database'
import { openEmbedded } from './openEmbedded'

/** Opens (or creates) an embedded database on disk, or from a saved data-dir snapshot in tests. */
export async function connectPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  // PGlite does not create missing parent directories itself.
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- DATA_DIR is a setting, not input
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true })
  const pg = options.dataDir
    ? await openEmbedded({ dataDir: options.dataDir, loadDataDir: options.loadDataDir })
    : await PGlite.create({ loadDataDir: options.loadDataDir })
  return {
    kind: 'pglite',
    async query(sql, params) {
      const result = await pg.query(sql, params ? [...params] : undefined)
      return result.rows as never[]
    },
    async exec(sql) {
      await pg.exec(sql)
    },
    async execRows(sql) {
      const results = await pg.exec(sql)
      return results.at(-1)?.rows ?? []
    },
    async transaction(work) {
      return pg.transaction((tx) =>
        work({
          async query(sql, params) {
            const result = await tx.query(sql, params ? [...params] : undefined)
            return result.rows as never[]
          },
          async exec(sql) {
            await tx.exec(sql)
          },
        }),
      )
    },
    async close() {
      await pg.close()
    },
  }
}

export async function dumpPglite(dataDir: string): Promise<Blob> {
  const pg = await PGlite.create({ dataDir })
  const dump = await pg.dumpDataDir('none')
  await pg.close()
  return dump
}
