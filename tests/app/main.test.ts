import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fromRoot } from '../../server/projectRoot'

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => {
        resolve(port)
      })
    })
  })

function startHeard(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams
  output: () => string
} {
  // The start-up check always uses the embedded database, whichever database the suite runs on.
  const inherited = { ...process.env }
  delete inherited.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: fromRoot(),
    env: { ...inherited, NODE_OPTIONS: '', ...env },
  })
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return { child, output: () => text }
}

const waitFor = async (check: () => boolean, what: string, seconds = 45) => {
  const until = Date.now() + seconds * 1000
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Sends a request in two halves, so it is still in flight when the server is told to stop. */
function halfSentRequest(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  let reply = ''
  socket.on('data', (chunk) => (reply += chunk.toString()))
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => {
      resolve()
    })
  })
  socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n')
  return {
    finish: () => socket.write('\r\n'),
    reply: async () => {
      await closed
      return reply
    },
  }
}

describe('npm start on an empty embedded database', () => {
  it('migrates, creates the demo, prints each survey URL on its own line, and stops gracefully on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-main-'))
    const port = await freePort()
    const heard = startHeard({
      PORT: String(port),
      DATA_DIR: path.join(dataDir, 'nested', 'db'),
      LOG_LEVEL: 'info',
    })
    try {
      await waitFor(() => heard.output().includes('/s/demo-council/what-i-need'), 'the demo survey URLs')
      const lines = heard.output().split('\n')
      expect(lines).toContain(`http://localhost:${port}/s/demo-council/what-i-need`)
      expect(lines).toContain(`http://localhost:${port}/s/demo-council/ehcp-experience`)
      const signIn = lines.find((line) => line.startsWith(`http://localhost:${port}/sign-in/link/`))
      expect(signIn).toMatch(/\/sign-in\/link\/[A-Za-z0-9_-]{43}$/)
      const linkPage = await fetch(signIn?.replace('localhost', '127.0.0.1') ?? '')
      expect(linkPage.status).toBe(200)
      expect(await linkPage.text()).toContain('<button type="submit"')
      const start = await fetch(`http://127.0.0.1:${port}/s/demo-council/what-i-need`)
      expect(start.status).toBe(200)

      const inFlight = halfSentRequest(port)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const exited = new Promise<number | null>((resolve) => heard.child.on('exit', resolve))
      heard.child.kill('SIGTERM')
      await new Promise((resolve) => setTimeout(resolve, 300))
      inFlight.finish()
      expect(await inFlight.reply()).toMatch(/^HTTP\/1\.1 200 OK/)
      expect(await exited).toBe(0)
      expect(heard.output()).toContain('"msg":"stopped"')
      for (const line of lines.filter((each) => each.startsWith('{')))
        expect(() => JSON.parse(line) as unknown).not.toThrow()
    } finally {
      heard.child.kill('SIGKILL')
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
