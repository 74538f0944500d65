import type { Request, RequestHandler, Response } from 'express'
import { signedInOfficer } from '../officers/setUpOfficerArea'

/** How many exports may run at once: per officer, and in all on this server process. */
export interface ExportLimitSettings {
  perOfficer: number
  atOnce: number
}

/**
 * Counts the exports (CSV, XLSX and PDF downloads) streaming on this process. A slot is taken
 * before the route runs and given back when the response ends or the client goes away, whichever
 * comes first, so an error, a refusal or an abandoned download cannot keep it.
 *
 * The counts are per process, not shared through the database: an advisory lock would pin a
 * pooled connection for the whole of a long download, taking from respondents the connections the
 * limit exists to protect. With several servers, "at once" is therefore per server.
 */
export interface ExportLimiter {
  /** Middleware for export routes: a slot, or the busy page (503 with Retry-After). */
  readonly limit: RequestHandler
  /** Exports running now. */
  running(): number
  /** Resolves when no export is running (tests wait on it instead of on a timer). */
  whenIdle(): Promise<void>
}

const retryAfterSeconds = 60

function renderBusy(req: Request, res: Response): void {
  res
    .status(503)
    .set({ 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' })
    .render('manage/exportsBusy', { pageTitle: req.t('exports.busy.title') })
}

export function createExportLimiter(settings: ExportLimitSettings): ExportLimiter {
  const perOfficer = new Map<string, number>()
  let total = 0
  let idleWaiters: (() => void)[] = []

  const release = (officerId: string) => {
    total -= 1
    const left = (perOfficer.get(officerId) ?? 1) - 1
    if (left > 0) perOfficer.set(officerId, left)
    else perOfficer.delete(officerId)
    if (total === 0) {
      for (const resolve of idleWaiters) resolve()
      idleWaiters = []
    }
  }

  const limit: RequestHandler = (req, res, next) => {
    const officerId = signedInOfficer(req).id
    const mine = perOfficer.get(officerId) ?? 0
    if (mine >= settings.perOfficer || total >= settings.atOnce) {
      req.log.info({ running: total, officerRunning: mine }, 'export refused: busy')
      renderBusy(req, res)
      return
    }
    total += 1
    perOfficer.set(officerId, mine + 1)
    let held = true
    const giveBack = () => {
      if (!held) return
      held = false
      release(officerId)
    }
    res.once('finish', giveBack)
    res.once('close', giveBack)
    next()
  }

  return {
    limit,
    running: () => total,
    whenIdle: () =>
      total === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  }
}
