import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { fromRoot } from '../../server/projectRoot'

export interface ServerProcess {
  baseUrl: string
  pid: number
  /** What the server wrote, for a report when something fails. */
  output(): string
  stop(): Promise<number | null>
}

/** The built server (dist/server/main.js), as production runs it, with only the environment given. */
export async function startServer(
  name: string,
  env: Record<string, string>,
  nodeArguments: string[] = [],
): Promise<ServerProcess> {
  const entry = fromRoot('dist', 'server', 'main.js')
  if (!fs.existsSync(entry)) throw new Error('Build the server first: npm run build')
  const lines: string[] = []
  const child: ChildProcess = spawn(process.execPath, [...nodeArguments, entry], {
    cwd: fromRoot(),
    env: { PATH: process.env.PATH ?? '', TZ: 'Europe/London', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code)
    })
  })
  const baseUrl = `http://127.0.0.1:${env.PORT ?? '3000'}`
  const server: ServerProcess = {
    baseUrl,
    pid: child.pid ?? 0,
    output: () => lines.join(''),
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      return exited
    },
  }
  // Ready when the health check answers; bounded, so a server that cannot start fails the run.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`${name} exited at start:\n${server.output()}`)
    const healthy = await fetch(`${baseUrl}/healthz`)
      .then((response) => response.ok)
      .catch(() => false)
    if (healthy) return server
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await server.stop()
  throw new Error(`${name} did not answer its health check within 30 s:\n${server.output()}`)
}

/** Resident memory of a process in megabytes, from /proc (Linux). */
export function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN)
  return kilobytes / 1024
}
