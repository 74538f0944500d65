/**
 * Behind TLS, cookies valid for the whole site take the `__Host-` prefix: the browser then accepts
 * them only with Secure, Path=/ and no Domain, so a sibling subdomain or a plain-http page cannot
 * plant or overwrite them. Without TLS (a laptop demo) the prefix would make browsers refuse them.
 */
export const siteCookieName = (name: string, secure: boolean): string => (secure ? `__Host-${name}` : name)

export const sessionCookieBase = 'heard.sid'
export const csrfCookieBase = 'heard.csrf'
export const languageCookieBase = 'heard.lang'

export interface SiteCookies {
  /** Whether requests arrive over TLS (TRUST_PROXY behind a TLS proxy). */
  secure: boolean
}

/** The attributes every site-wide cookie shares; `__Host-` needs exactly these. */
export const siteCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure }) as const
