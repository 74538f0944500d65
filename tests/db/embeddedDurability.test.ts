import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectPglite } from '../../server/db/connectPglite'
import { DiskFullError, openEmbedded } from '../../server/db/openEmbedded'

// These cases are about the embedded database itself, so they open PGlite on whichever database the suite runs.
describe('the embedded database Heard opens on disk', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-durability-'))
  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true })
  })

  it('flushes each commit to the disk: fsync on, with a WAL sync method that really syncs', async () => {
    const db = await connectPglite({ dataDir: path.join(folder, 'data') })
    try {
      expect(await db.query('SHOW fsync')).toEqual([{ fsync: 'on' }])
      expect(await db.query('SHOW wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }])
      await db.exec('CREATE TABLE kept (n integer); INSERT INTO kept VALUES (1)')
    } finally {
      await db.close()
    }
    const reopened = await connectPglite({ dataDir: path.join(folder, 'data') })
    try {
      expect(await reopened.query('SELECT n FROM kept')).toEqual([{ n: 1 }])
    } finally {
      await reopened.close()
    }
  })

  it('says the disk is full, and which folder, instead of failing to initialise', async () => {
    const dataDir = path.join(folder, 'full')
    fs.mkdirSync(dataDir)
    // Asking for more room than any disk has stands for a full one; the free space is really measured.
    const opening = openEmbedded({ dataDir, needBytes: Number.MAX_SAFE_INTEGER })
    await expect(opening).rejects.toBeInstanceOf(DiskFullError)
    await expect(opening).rejects.toThrow(`The disk holding the embedded database (${dataDir}) is full`)
  })
})
