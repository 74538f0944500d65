import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Debian's PostgreSQL programs, from the newest version installed. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  if (versions[0] === undefined) throw new Error(`No PostgreSQL under ${root}: apt-get install postgresql`)
  return path.join(root, versions[0], 'bin')
}

const bin = postgresBin()

/**
 * A PostgreSQL cluster of its own, on its own port, that the fault cases may stop and restart
 * without touching any other server. Runs as the postgres user when started by root.
 */
export class ThrowawayPostgres {
  private readonly folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-faults-pg-'))
  private readonly dataDir = path.join(this.folder, 'data')
  private readonly log = path.join(this.folder, 'server.log')

  constructor(readonly port: number) {
    fs.chmodSync(this.folder, 0o777)
    this.run('initdb', ['-D', this.dataDir, '-A', 'trust', '-U', 'postgres'])
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`
  }

  start(): void {
    this.pgCtl('start')
  }

  stop(): void {
    this.pgCtl('stop', ['-m', 'fast'])
  }

  restart(): void {
    this.pgCtl('restart', ['-m', 'fast'])
  }

  /** Stops the cluster if it runs and deletes its files; safe to call twice. */
  remove(): void {
    try {
      this.pgCtl('stop', ['-m', 'immediate'])
    } catch {
      // It was not running.
    }
    fs.rmSync(this.folder, { recursive: true, force: true })
  }

  private pgCtl(action: string, extra: string[] = []): void {
    const options = `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on`
    this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', this.log, '-w', ...extra, action])
  }

  private run(program: string, args: string[]): void {
    const command = [path.join(bin, program), ...args]
    if (process.getuid?.() === 0)
      execFileSync('runuser', ['-u', 'postgres', '--', ...command], { stdio: 'pipe' })
    else execFileSync(command[0] ?? '', command.slice(1), { stdio: 'pipe' })
  }
}
