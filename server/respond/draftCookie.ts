import type { Request, Response } from 'express'
import { paths } from '../paths'

const cookieName = 'heard.draft'
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The random id of a respondent's draft, in a cookie scoped to the survey's own path so each survey
 * has its own draft. It holds no answers; they are in the database.
 */
export function readDraftId(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined
  const value = cookies?.[cookieName]
  return typeof value === 'string' && uuidPattern.test(value) ? value : undefined
}

export function writeDraftId(
  res: Response,
  survey: { organisationSlug: string; slug: string },
  draftId: string,
  ttlDays: number,
): void {
  res.cookie(cookieName, draftId, {
    path: paths.respond.start(survey.organisationSlug, survey.slug),
    httpOnly: true,
    sameSite: 'lax',
    secure: res.req.secure,
    maxAge: ttlDays * 24 * 60 * 60 * 1000,
  })
}
