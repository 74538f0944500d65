import type { Queryable } from '../../server/db/database'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { CookieJar } from '../bench/cookieJar'

const tokenPattern = /name="_csrf" value="([^"]+)"/

/**
 * A browser over real HTTP: keeps its cookies, and can sign an officer in through the link page and
 * its button. `baseUrls` may name several servers; each request goes to the next one in turn.
 */
export class HttpBrowser {
  readonly cookies = new CookieJar()
  private turn = 0

  constructor(private readonly baseUrls: string[]) {}

  /** The server the next request goes to. */
  nextBase(): string {
    const base = this.baseUrls[this.turn % this.baseUrls.length] ?? ''
    this.turn += 1
    return base
  }

  async get(path: string, base = this.nextBase()): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
    })
    this.cookies.keep(response)
    return response
  }

  async post(path: string, fields: Record<string, string>, base = this.nextBase()): Promise<Response> {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookies.header },
      body: new URLSearchParams(fields),
    })
    this.cookies.keep(response)
    return response
  }

  /** Opens the link page on one server and presses its button on the next. */
  async signInWith(token: string): Promise<void> {
    const page = await this.get(paths.signIn.link(token))
    const csrf = tokenPattern.exec(await page.text())?.[1] ?? ''
    const done = await this.post(paths.signIn.linkAction, { token, _csrf: csrf })
    await done.arrayBuffer()
    if (done.status !== 303) throw new Error(`Signing in gave ${done.status}`)
  }

  async signIn(db: Queryable, officer: { organisationId: string; id: string }): Promise<void> {
    await this.signInWith(await createSignInLink(db, officer))
  }
}

export const csrfTokenOf = (html: string): string => tokenPattern.exec(html)?.[1] ?? ''
