import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
import net from 'node:net'
import { fromRoot } from '../../server/projectRoot'

export interface HeardServer {
  child: ChildProcessByStdio<null, Readable, Readable>
  baseUrl: string
  exited: Promise<number | null>
  output(): string
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => {
        resolve(port)
      })
    })
  })

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts the built server (dist/) as its own process with the given database settings. */
export function startHeard(port: number, database: Record<string, string>): HeardServer {
  const inherited = { ...process.env }
  delete inherited.DATABASE_URL
  delete inherited.DATA_DIR
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: fromRoot(),
    env: {
      ...inherited,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      RESPONSE_LIMITS: 'off',
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      ...database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code)
    }),
  )
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited, output: () => text }
}

/** Waits until the server prints the demo survey addresses, which it does once it is listening. */
export async function whenReady(server: HeardServer, seconds = 180): Promise<void> {
  const until = Date.now() + seconds * 1000
  while (!server.output().includes('/s/demo-council/what-i-need')) {
    if (server.child.exitCode !== null) throw new Error(`Heard stopped while starting:\n${server.output()}`)
    if (Date.now() > until) throw new Error(`Heard did not start in ${seconds} s:\n${server.output()}`)
    await pause(200)
  }
}

/** Asks the server to stop and waits; kills it if it has not stopped in time. */
export async function stopHeard(server: HeardServer, seconds = 60): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode
  server.child.kill('SIGTERM')
  const timer = setTimeout(() => server.child.kill('SIGKILL'), seconds * 1000)
  const code = await server.exited
  clearTimeout(timer)
  return code
}
