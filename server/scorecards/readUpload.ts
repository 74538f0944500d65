import busboy from 'busboy'
import type { Request } from 'express'

export const maxUploadBytes = 1024 * 1024

/**
 * The one file and the fields of a multipart form, read into memory (an import is at most 1 MB).
 * undefined when the request is not multipart or the file is too large.
 */
export function readUpload(
  req: Request,
): Promise<{ fields: Record<string, string>; file: Buffer } | undefined> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxUploadBytes, fields: 10 } })
    } catch {
      resolve(undefined)
      return
    }
    const fields: Record<string, string> = {}
    const chunks: Buffer[] = []
    let tooLarge = false
    parser.on('field', (name, value) => {
      fields[name] = value
    })
    parser.on('file', (_name, stream) => {
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => {
        tooLarge = true
      })
    })
    parser.on('error', reject)
    parser.on('close', () => {
      resolve(tooLarge ? undefined : { fields, file: Buffer.concat(chunks) })
    })
    req.pipe(parser)
  })
}
