import { performance } from 'node:perf_hooks'
import type { Latencies, RequestKind } from './latency'
import { CookieJar } from './cookieJar'

export class UnexpectedStatus extends Error {}

const tokenPattern = /name="_csrf" value="([^"]+)"/
const referencePattern = /class="heard-reference">([A-Z0-9]{4}-[A-Z0-9]{4})</

/**
 * One person's browser without a browser: a cookie jar, the page's CSRF token, and fetch with
 * redirects left unfollowed so each request is timed and checked on its own.
 */
export class VirtualRespondent {
  readonly cookies = new CookieJar()
  private token = ''

  constructor(
    private readonly baseUrl: string,
    private readonly latencies: Latencies,
  ) {}

  /** GETs a page that must answer 200; keeps its CSRF token. */
  async page(kind: RequestKind, path: string): Promise<string> {
    const html = await this.request(kind, path, { method: 'GET' }, 200)
    const token = tokenPattern.exec(html)?.[1]
    if (token) this.token = token
    return html
  }

  /** POSTs a form with the CSRF token; it must redirect (303, post-redirect-get). */
  async submit(kind: RequestKind, path: string, fields: [string, string][] = []): Promise<void> {
    const body = new URLSearchParams([...fields, ['_csrf', this.token]])
    await this.request(kind, path, { method: 'POST', body }, 303)
  }

  referenceIn(html: string): string {
    const reference = referencePattern.exec(html)?.[1]
    if (!reference) throw new UnexpectedStatus('confirmation page without a reference')
    return reference
  }

  private async request(
    kind: RequestKind,
    path: string,
    init: RequestInit,
    expected: number,
  ): Promise<string> {
    const started = performance.now()
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
    })
    const text = await response.text()
    this.latencies.add(kind, performance.now() - started)
    this.cookies.keep(response)
    if (response.status !== expected)
      throw new UnexpectedStatus(
        `${init.method ?? 'GET'} ${path} gave ${response.status}, expected ${expected}`,
      )
    return text
  }
}
