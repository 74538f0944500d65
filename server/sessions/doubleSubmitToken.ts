import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * A form token for browsers without an officer session, kept nowhere on the server: a random value
 * in an httpOnly cookie, and in the form its HMAC under the session secret. Another site can neither
 * read the cookie nor make the HMAC, and a value planted in the cookie without the secret is useless.
 */
export const newCookieValue = (): string => randomBytes(24).toString('base64url')

export const formTokenFor = (secret: string, cookieValue: string): string =>
  createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url')

export function sameToken(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}

export const isFormTokenFor = (secret: string, cookieValue: string, posted: string): boolean =>
  sameToken(formTokenFor(secret, cookieValue), posted)
