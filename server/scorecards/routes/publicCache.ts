import { gzipSync } from 'node:zlib'
import type { Request, RequestHandler, Response } from 'express'
import type { LanguageCode } from '../../i18n/languages'
import type { LanguageCookie } from '../../middleware/setUpI18n'

/**
 * Published scorecards are answered from memory: each address, in each language, keeps the bytes
 * it was last sent with and their ETag, so a repeat visit (or "has it changed?", If-None-Match)
 * costs no database work and no rendering. A fixed period never changes, so it is kept until the
 * process restarts or memory is wanted for newer pages. The latest publication and the open data
 * change when something is published: a publish in this process forgets them at once, and another
 * process's publish is seen within `latestLifetimeMs` (the five minutes a shared cache may keep a
 * public page for anyway).
 */
export const latestLifetimeMs = 5 * 60 * 1000
/** Enough for every page of a few hundred organisations' recent scorecards in three languages. */
const mostBytes = 64 * 1024 * 1024

interface Remembered {
  etag: string
  body: Buffer
  /** The body compressed once, for the many browsers that take gzip, rather than at every visit. */
  gzipped: Buffer | undefined
  /** The answer's own headers (type, caching, CORS, framing, file name), to send again as they were. */
  headers: Record<string, string>
  organisation: string
  until: number
}

/** Headers that belong to one exchange, not to the page. */
const perExchange = new Set([
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'set-cookie',
  'content-length',
  'x-request-id',
  'etag',
])

/** As the compression middleware: smaller bodies are not worth compressing. */
const compressFrom = 1024

const remembered = new Map<string, Remembered>()
let bytesHeld = 0

const keyOf = (language: LanguageCode, path: string) => `${language} ${path}`

function forget(key: string): void {
  const entry = remembered.get(key)
  if (!entry) return
  bytesHeld -= entry.body.length + (entry.gzipped?.length ?? 0)
  remembered.delete(key)
}

/** What this address was last sent with, while it is still current. */
function currentEntry(key: string, now = Date.now()): Remembered | undefined {
  const entry = remembered.get(key)
  if (!entry) return undefined
  if (entry.until < now) {
    forget(key)
    return undefined
  }
  // Used again: to the back of the line, so the least used go first when memory is wanted.
  remembered.delete(key)
  remembered.set(key, entry)
  return entry
}

/**
 * Answers with what this address was sent with before: 304 when the client has those bytes
 * already, else the bytes themselves, with exactly the headers they first went with.
 */
function answerFromMemory(req: Request, res: Response, entry: Remembered): void {
  // Exactly the headers it was first sent with: an embed had no X-Frame-Options, say.
  for (const name of res.getHeaderNames())
    if (!(name in entry.headers) && !perExchange.has(name)) res.removeHeader(name)
  res.set(entry.headers)
  res.set('ETag', entry.etag)
  const asked = req.get('If-None-Match')
  const tags = asked?.split(',').map((tag) => tag.trim()) ?? []
  if (tags.includes(entry.etag) || tags.includes('*')) {
    res.status(304).end()
    return
  }
  if (entry.gzipped && req.acceptsEncodings('gzip') === 'gzip') {
    res.vary('Accept-Encoding')
    res.set('Content-Encoding', 'gzip')
    res.send(entry.gzipped)
  } else res.send(entry.body)
}

/**
 * Sends a public body with its ETag (Express makes it from the bytes; it answers 304 itself when
 * the client already has them) and keeps both for the next visit.
 */
export function sendRemembered(
  req: Request,
  res: Response,
  body: string | Buffer,
  options: { organisation: string; changes: boolean; now?: number },
): void {
  res.send(body)
  const etag = res.get('ETag')
  if (!etag || (res.statusCode >= 300 && res.statusCode !== 304)) return
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  const key = keyOf(req.language, req.path)
  forget(key)
  while (bytesHeld + bytes.length > mostBytes && remembered.size > 0) {
    const oldest = remembered.keys().next().value
    if (oldest === undefined) break
    forget(oldest)
  }
  if (bytes.length > mostBytes) return
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.getHeaders()))
    if (!perExchange.has(name) && value !== undefined)
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  const gzipped = bytes.length >= compressFrom ? gzipSync(bytes) : undefined
  remembered.set(key, {
    etag,
    body: bytes,
    gzipped,
    headers,
    organisation: options.organisation,
    until: options.changes ? (options.now ?? Date.now()) + latestLifetimeMs : Number.POSITIVE_INFINITY,
  })
  bytesHeld += bytes.length + (gzipped?.length ?? 0)
}

/** After a publication here, so the latest addresses are read again at once. */
export function forgetPublished(organisation: string): void {
  for (const [key, entry] of remembered)
    if (entry.organisation === organisation && Number.isFinite(entry.until)) forget(key)
}

/**
 * In front of the app's layers: a published scorecard this process has sent before is sent again
 * straight from memory, before request deadlines, security headers, compression, static files,
 * sessions and forms do any work (the stored answer carries the headers those layers gave it). The
 * language is chosen by the same rules as every page, from cookies read in front of this; a
 * language link's cookie is written as the page would have written it.
 */
export function publicScorecardMemory(languageCookie: LanguageCookie): RequestHandler {
  return (req, res, next) => {
    const reading = req.method === 'GET' || req.method === 'HEAD'
    if (!reading || !req.path.startsWith('/scorecards/')) {
      next()
      return
    }
    const { language, keep } = languageCookie.choose(req)
    const entry = currentEntry(keyOf(language, req.path))
    if (!entry) {
      next()
      return
    }
    if (keep) languageCookie.keep(res, language)
    answerFromMemory(req, res, entry)
  }
}
