import { performance } from 'node:perf_hooks'
import type { Queryable } from '../../../server/db/database'
import { paths } from '../../../server/paths'
import { createSignInLink } from '../../../server/signIn/signInLinks'
import { CookieJar } from '../cookieJar'

/** However big the download, one request gives up after this long, so the benchmark always ends. */
const requestTimeoutMs = 10 * 60_000

const csrfPattern = /name="_csrf" value="([^"]+)"/

export interface Fetched {
  status: number
  /** Bytes of the body as the browser ends up with it (after any Content-Encoding is undone). */
  bytes: number
  contentEncoding: string
  milliseconds: number
}

/**
 * An officer's browser without a browser: a cookie jar and fetch with redirects left unfollowed.
 * Bodies are read to the end and counted, never kept, so the client adds almost nothing to memory.
 */
export class OfficerBrowser {
  private readonly cookies = new CookieJar()

  constructor(private readonly baseUrl: string) {}

  /** Signs in through the real link page and its button, as the emailed link would. */
  async signIn(db: Queryable, officer: { organisationId: string; id: string }): Promise<void> {
    const token = await createSignInLink(db, officer)
    const page = await this.text(paths.signIn.link(token))
    const csrf = csrfPattern.exec(page.text)?.[1]
    if (page.status !== 200 || !csrf) throw new Error(`sign-in link page gave ${page.status} without a form`)
    const response = await fetch(`${this.baseUrl}${paths.signIn.linkAction}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
      body: new URLSearchParams({ token, _csrf: csrf }),
    })
    await response.arrayBuffer()
    this.cookies.keep(response)
    if (response.status !== 303) throw new Error(`signing in gave ${response.status}, expected 303`)
    if (!this.cookies.has('heard.sid')) throw new Error('signing in set no heard.sid cookie')
  }

  /** GETs a path and reads the whole body, timing from the request to the last byte. */
  async get(path: string, onChunk?: () => void): Promise<Fetched> {
    const started = performance.now()
    const response = await fetch(`${this.baseUrl}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
      signal: AbortSignal.timeout(requestTimeoutMs),
    })
    let bytes = 0
    const reader = response.body?.getReader()
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      bytes += read.value.byteLength
      onChunk?.()
    }
    const milliseconds = performance.now() - started
    this.cookies.keep(response)
    return {
      status: response.status,
      bytes,
      contentEncoding: response.headers.get('content-encoding') ?? 'none',
      milliseconds,
    }
  }

  private async text(path: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
    })
    const text = await response.text()
    this.cookies.keep(response)
    return { status: response.status, text }
  }
}
