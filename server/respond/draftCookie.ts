import type { Request, Response } from 'express'
import { paths } from '../paths'

const cookieName = 'heard.draft'
const sentCookieName = 'heard.sent'
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const referencePattern = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/

const cookiesOf = (req: Request) => req.cookies as Record<string, unknown> | undefined

/**
 * Both cookies are scoped to the survey's own path so each survey has its own draft, which is why
 * they cannot take the `__Host-` prefix (it requires Path=/); behind TLS they are Secure instead.
 */
const surveyCookie = (res: Response, survey: { organisationSlug: string; slug: string }) => ({
  path: paths.respond.start(survey.organisationSlug, survey.slug),
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: res.req.secure,
})

/**
 * The random id of a respondent's draft. It holds no answers; they are in the database.
 */
export function readDraftId(req: Request): string | undefined {
  const value = cookiesOf(req)?.[cookieName]
  return typeof value === 'string' && uuidPattern.test(value) ? value : undefined
}

export function writeDraftId(
  res: Response,
  survey: { organisationSlug: string; slug: string },
  draftId: string,
  ttlDays: number,
): void {
  res.clearCookie(sentCookieName, surveyCookie(res, survey))
  // On a shared device, or an officer typing in a response, the cookie ends with the browser session.
  const onlyThisSession = res.locals.sharedDevice !== undefined || res.locals.dataEntry !== undefined
  res.cookie(cookieName, draftId, {
    ...surveyCookie(res, survey),
    ...(onlyThisSession ? {} : { maxAge: ttlDays * 24 * 60 * 60 * 1000 }),
  })
}

/** Forgets a draft id that leads nowhere any more (expired, deleted, or sent and confirmed). */
export function clearDraftId(res: Response, survey: { organisationSlug: string; slug: string }): void {
  res.clearCookie(cookieName, surveyCookie(res, survey))
}

/**
 * Once the thank-you page has been shown, the draft id goes: nothing left in the browser leads to
 * the answers. Only the reference the page showed stays, until the browser closes, so pressing Send
 * again or going Back lands on the same thank-you page rather than an empty survey.
 */
export function replaceDraftWithReference(
  res: Response,
  survey: { organisationSlug: string; slug: string },
  reference: string,
): void {
  clearDraftId(res, survey)
  res.cookie(sentCookieName, reference, surveyCookie(res, survey))
}

/** Forgets the reference of a response sent from this browser (a shared device's next person). */
export function forgetSentReference(res: Response, survey: { organisationSlug: string; slug: string }): void {
  res.clearCookie(sentCookieName, surveyCookie(res, survey))
}

export function readSentReference(req: Request): string | undefined {
  const value = cookiesOf(req)?.[sentCookieName]
  return typeof value === 'string' && referencePattern.test(value) ? value : undefined
}
