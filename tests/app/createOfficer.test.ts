import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { connectPglite } from '../../server/db/connectPglite'
import { fromRoot } from '../../server/projectRoot'

const run = promisify(execFile)

const createOfficer = (dataDir: string, args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '', LOG_LEVEL: 'silent' }
  delete env.DATABASE_URL
  return run(process.execPath, ['--import', 'tsx', 'scripts/createOfficer.ts', ...args], {
    cwd: fromRoot(),
    env,
  })
}

describe('npm run officer:create', () => {
  it('adds an officer (creating the organisation when named) and prints a one-time sign-in link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-cli-'))
    try {
      const created = await createOfficer(dataDir, [
        '--org',
        'north-council',
        '--org-name',
        'North Council',
        '--email',
        'Lead@North.example',
        '--role',
        'admin',
      ])
      expect(created.stdout).toContain('Added Lead@North.example to North Council as admin.')
      expect(created.stdout).toMatch(/^http:\/\/localhost:3000\/sign-in\/link\/[A-Za-z0-9_-]{43}$/m)

      const again = createOfficer(dataDir, [
        '--org',
        'north-council',
        '--email',
        'lead@north.example',
        '--role',
        'viewer',
      ])
      await expect(again).rejects.toMatchObject({
        stderr: expect.stringContaining('is already an officer') as unknown,
      })
      const unknown = createOfficer(dataDir, [
        '--org',
        'nowhere',
        '--email',
        'x@y.example',
        '--role',
        'admin',
      ])
      await expect(unknown).rejects.toMatchObject({
        stderr: expect.stringContaining('No organisation "nowhere"') as unknown,
      })
      const bad = createOfficer(dataDir, [
        '--org',
        'north-council',
        '--email',
        'x@y.example',
        '--role',
        'emperor',
      ])
      await expect(bad).rejects.toMatchObject({
        stderr: expect.stringContaining('Usage: npm run officer:create') as unknown,
      })

      const db = await connectPglite({ dataDir })
      const officers = await db.query<{ email: string; role: string }>('SELECT email, role FROM officers')
      await db.close()
      expect(officers).toEqual([{ email: 'lead@north.example', role: 'admin' }])
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
