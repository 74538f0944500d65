import type { Request, Response } from 'express'

/**
 * Published scorecards are answered to "has it changed?" (If-None-Match) from memory, with no
 * database work: each address, in each language, remembers the ETag it was last sent with. A fixed
 * period never changes, so its tag is kept until the process restarts. The latest publication and
 * the open data change when something is published: a publish in this process forgets them at
 * once, and another process's publish is seen within `latestLifetimeMs` (the same five minutes a
 * shared cache may keep a public page for).
 */
export const latestLifetimeMs = 5 * 60 * 1000
const mostRemembered = 5_000

interface Remembered {
  etag: string
  organisation: string
  until: number
}

const remembered = new Map<string, Remembered>()

const keyOf = (req: Request) => `${req.language} ${req.path}`

/** Whether the client's copy is the one remembered; true when a 304 has been sent. */
export function answeredFromMemory(req: Request, res: Response, now = Date.now()): boolean {
  const asked = req.get('If-None-Match')
  if (!asked) return false
  const entry = remembered.get(keyOf(req))
  if (!entry || entry.until < now) return false
  const tags = asked.split(',').map((tag) => tag.trim())
  if (!tags.includes(entry.etag) && !tags.includes('*')) return false
  res.set('ETag', entry.etag)
  res.status(304).end()
  return true
}

/**
 * Sends a public body with its ETag (Express makes it from the bytes) and remembers the tag;
 * Express itself answers 304 when the client already has these bytes.
 */
export function sendRemembered(
  req: Request,
  res: Response,
  body: string | Buffer,
  options: { organisation: string; changes: boolean; now?: number },
): void {
  res.send(body)
  const etag = res.get('ETag')
  if (!etag) return
  if (remembered.size >= mostRemembered) remembered.clear()
  remembered.set(keyOf(req), {
    etag,
    organisation: options.organisation,
    until: options.changes ? (options.now ?? Date.now()) + latestLifetimeMs : Number.POSITIVE_INFINITY,
  })
}

/** After a publication here, so the latest addresses are read again at once. */
export function forgetPublished(organisation: string): void {
  for (const [key, entry] of remembered)
    if (entry.organisation === organisation && Number.isFinite(entry.until)) remembered.delete(key)
}
