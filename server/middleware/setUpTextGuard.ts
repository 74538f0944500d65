import type { Express, Request } from 'express'
import { BadRequestError } from '../errors'
import { hasForbiddenCharacters, isCleanFormData, isUtf8OnceDecoded } from '../forms/brokenText'

/** The query string as it arrived, before any decoding; Node keeps the URL's bytes as latin1 characters. */
const rawQuery = (req: Request): Buffer => {
  const start = req.originalUrl.indexOf('?')
  return Buffer.from(start < 0 ? '' : req.originalUrl.slice(start + 1), 'latin1')
}

/**
 * Whether the path, which holds every route parameter, is clean text once decoded. Checking it here
 * covers each `:parameter` of every route at once, before any route's handler or SQL sees it.
 */
const isCleanPath = (req: Request): boolean => {
  const path = req.path
  if (!isUtf8OnceDecoded(Buffer.from(path, 'latin1'))) return false
  try {
    return !hasForbiddenCharacters(decodeURIComponent(path))
  } catch {
    // A % not followed by two hex digits; Express answers such a parameter with 400 itself.
    return true
  }
}

/**
 * For express.urlencoded's `verify`: refuses a form body whose bytes are not UTF-8 once decoded,
 * before the parser turns the broken part into U+FFFD and the damage can no longer be seen.
 */
export function refuseBrokenFormBytes(_req: unknown, _res: unknown, body: Buffer): void {
  if (!isUtf8OnceDecoded(body)) throw new BadRequestError('Form body is not UTF-8')
}

/**
 * Text that no form or link of ours sends (NUL and other control characters, half a surrogate pair,
 * bytes that are not UTF-8) gets the 400 page before any route sees it, so nothing is written and the
 * database never meets text it would refuse with an error. Form bodies are checked as they are read
 * (refuseBrokenFormBytes) and here once parsed; query strings and the path (so every route
 * parameter) here, in both forms. Multipart uploads check their own fields
 * (server/forms/readUpload.ts).
 */
export function setUpTextGuard(app: Express): void {
  app.use((req, _res, next) => {
    if (
      !isCleanPath(req) ||
      !isUtf8OnceDecoded(rawQuery(req)) ||
      !isCleanFormData(req.query) ||
      !isCleanFormData(req.body)
    ) {
      next(new BadRequestError('Broken text in a path, form or query'))
      return
    }
    next()
  })
}
