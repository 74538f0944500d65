import type { Express, Request } from 'express'
import { BadRequestError } from '../errors'
import { isCleanFormData, isUtf8OnceDecoded } from '../forms/brokenText'

/** The query string as it arrived, before any decoding; Node keeps the URL's bytes as latin1 characters. */
const rawQuery = (req: Request): Buffer => {
  const start = req.originalUrl.indexOf('?')
  return Buffer.from(start < 0 ? '' : req.originalUrl.slice(start + 1), 'latin1')
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
 * (refuseBrokenFormBytes) and here once parsed; query strings here, in both forms. Multipart uploads
 * check their own fields (server/scorecards/readUpload.ts).
 */
export function setUpTextGuard(app: Express): void {
  app.use((req, _res, next) => {
    if (!isUtf8OnceDecoded(rawQuery(req)) || !isCleanFormData(req.query) || !isCleanFormData(req.body)) {
      next(new BadRequestError('Broken text in a form or query'))
      return
    }
    next()
  })
}
