import { createHash, randomBytes } from 'node:crypto'

/** A new link token: 32 random bytes, URL-safe. It goes in one email and nowhere else. */
export const newLinkToken = (): string => randomBytes(32).toString('base64url')

/** What the database keeps of a token: its sha256, so a copy of the database opens no survey. */
export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** Tokens as newLinkToken makes them; anything else in a link is no token of ours. */
export const isLinkToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
