import type { Request } from 'express'
import { BadRequestError, ForbiddenError, TooLargeError } from '../errors'
import { isSessionCsrfToken } from '../middleware/setUpCsrf'
import { maxUploadBytes, readUpload } from './readUpload'

export interface FormUpload {
  fields: Record<string, string>
  file: Buffer
  fileName: string
}

/**
 * The file of one of our multipart forms, or the error that answers the request instead: 400 when
 * it cannot be read, 403 without the session's CSRF token (a multipart form's token arrives with
 * its file, so it is checked here rather than by the CSRF middleware), 413 when it is too large.
 * The token is checked before the size, so a forged request learns nothing from the answer.
 */
export async function readFormUpload(req: Request, maxBytes = maxUploadBytes): Promise<FormUpload | Error> {
  const upload = await readUpload(req, maxBytes)
  if (upload.kind === 'unreadable') return new BadRequestError('Unreadable upload')
  if (!isSessionCsrfToken(req, upload.fields._csrf)) return new ForbiddenError('No CSRF token')
  if (upload.kind === 'too-large') return new TooLargeError(`Upload over ${maxBytes} bytes`)
  return upload
}
