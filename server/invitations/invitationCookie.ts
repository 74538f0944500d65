import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Request, Response } from 'express'
import { paths } from '../paths'

const cookieName = 'heard.invitation'

type SurveyPath = { organisationSlug: string; slug: string }

const signatureOf = (tokenHash: string, secret: string) =>
  createHmac('sha256', secret).update(`invitation:${tokenHash}`).digest('base64url')

/** Scoped to the survey's own path, like the draft cookie, so it goes with that survey's pages only. */
const cookieOptions = (res: Response, survey: SurveyPath) => ({
  path: paths.respond.start(survey.organisationSlug, survey.slug),
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: res.req.secure,
})

/**
 * Remembers, in this browser only, the hash of the invitation link it came by, signed so that it
 * cannot be made up. Submitting the survey from this browser marks that invitation answered. The
 * database never holds it beside a draft or a response: the browser is the only place both meet.
 */
export function writeInvitationCookie(
  res: Response,
  survey: SurveyPath,
  request: { tokenHash: string; secret: string; ttlDays: number },
): void {
  res.cookie(cookieName, `${request.tokenHash}.${signatureOf(request.tokenHash, request.secret)}`, {
    ...cookieOptions(res, survey),
    maxAge: request.ttlDays * 24 * 60 * 60 * 1000,
  })
}

/** The link's hash when the cookie is there and its signature good. */
export function readInvitationCookie(req: Request, secret: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[cookieName]
  if (typeof value !== 'string') return undefined
  const [tokenHash, signature] = value.split('.')
  if (!tokenHash || !signature || !/^[0-9a-f]{64}$/.test(tokenHash)) return undefined
  const expected = Buffer.from(signatureOf(tokenHash, secret))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? tokenHash : undefined
}

/** Once the response is stored the cookie has done its work. */
export function clearInvitationCookie(res: Response, survey: SurveyPath): void {
  res.clearCookie(cookieName, cookieOptions(res, survey))
}
