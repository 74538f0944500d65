import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes in base64url: a link nobody can guess, short enough for an email. */
export const newResumeToken = (): string => randomBytes(32).toString('base64url')

export const resumeTokenPattern = /^[A-Za-z0-9_-]{43}$/

/** Only this is stored, so a copy of the database cannot be used to open anyone's draft. */
export const hashResumeToken = (token: string): string => createHash('sha256').update(token).digest('hex')
