import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'
import {
  deleteUnusedSignInLink,
  hasUsableSignInLink,
  insertSignInLink,
  markSignInLinkUsed,
} from './linkQueries'

export const signInLinkMinutes = 15
const tokenPattern = /^[A-Za-z0-9_-]{43}$/

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const looksLikeToken = (token: string): boolean => tokenPattern.test(token)

/**
 * A new single-use token for an officer; only its hash is stored, so a database leak spends nothing.
 * An invitation's link lasts longer than a sign-in link (days, not minutes): the invited person may
 * not read their email at once.
 */
export async function createSignInLink(
  db: Queryable,
  officer: { organisationId: string; id: string },
  minutes = signInLinkMinutes,
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await insertSignInLink(db, {
    tokenHash: hashToken(token),
    organisationId: officer.organisationId,
    officerId: officer.id,
    minutes,
  })
  return token
}

/** Takes back a link whose email could not be sent, so it neither works nor counts against the limit. */
export async function withdrawSignInLink(db: Queryable, token: string): Promise<void> {
  await deleteUnusedSignInLink(db, hashToken(token))
}

/** Whether the link can still be used, without using it (the page with the "Sign in" button). */
export async function isUsableLink(db: Queryable, token: string): Promise<boolean> {
  if (!looksLikeToken(token)) return false
  return hasUsableSignInLink(db, hashToken(token))
}

export async function spendSignInLink(
  db: Queryable,
  token: string,
): Promise<{ organisationId: string; officerId: string } | undefined> {
  if (!looksLikeToken(token)) return undefined
  return markSignInLinkUsed(db, hashToken(token))
}
