import busboy from 'busboy'
import type { Request } from 'express'
import { hasForbiddenCharacters } from './brokenText'

export const maxUploadBytes = 1024 * 1024

export type Upload =
  | { kind: 'read'; fields: Record<string, string>; file: Buffer; fileName: string }
  /** Over the size allowed: refused with 413, like any request too large. */
  | { kind: 'too-large'; fields: Record<string, string> }
  /** Not a multipart form, one that ends before it is whole, or one whose fields hold broken text. */
  | { kind: 'unreadable' }

/** The one file and the fields of a multipart form, read into memory (an import is at most 1 MB by default). */
export function readUpload(req: Request, maxBytes = maxUploadBytes): Promise<Upload> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10 } })
    } catch {
      resolve({ kind: 'unreadable' })
      return
    }
    const fields: Record<string, string> = {}
    const chunks: Buffer[] = []
    let fileName = ''
    let tooLarge = false
    let brokenText = false
    // Field values are decoded as UTF-8, so bytes that are not UTF-8 arrive as U+FFFD: no field of ours has one.
    parser.on('field', (name, value) => {
      if (hasForbiddenCharacters(name) || hasForbiddenCharacters(value) || value.includes('\uFFFD'))
        brokenText = true
      fields[name] = value
    })
    parser.on('file', (_name, stream, info) => {
      fileName = info.filename ?? ''
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        tooLarge = true
        // Reading on would hold the rest in memory for nothing: the answer is 413 whatever follows.
        stream.resume()
      })
      // A body cut short fails the file stream as well as the form; the form's error answers for both.
      stream.on('error', () => undefined)
    })
    parser.on('error', () => {
      req.unpipe(parser)
      resolve({ kind: 'unreadable' })
    })
    parser.on('close', () => {
      if (brokenText) {
        resolve({ kind: 'unreadable' })
        return
      }
      resolve(
        tooLarge
          ? { kind: 'too-large', fields }
          : { kind: 'read', fields, file: Buffer.concat(chunks), fileName },
      )
    })
    req.pipe(parser)
  })
}
