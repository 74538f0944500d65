import type { RequestHandler } from 'express'
import { ServiceUnavailableError } from '../errors'
import { isRespondentRequest } from './errorPage'

/**
 * Connections kept back from the respondent journey, so that when respondents' requests all wait
 * on one slow or locked table, public pages, officers' pages and /healthz still find a connection.
 */
export const reservedConnections = (poolSize: number): number => Math.max(2, Math.ceil(poolSize / 4))

/**
 * A bulkhead: at most pool size minus the reserve respondent requests run at once on this process
 * (a request uses one connection at a time, so this bounds their connections). Others wait in line
 * for up to waitMs, then get the "answers saved, try again" page, 503 with Retry-After. Counted
 * per process, like the pool it protects.
 */
export function respondentBulkhead(options: { poolSize: number; waitMs: number }): RequestHandler {
  const limit = Math.max(1, options.poolSize - reservedConnections(options.poolSize))
  let running = 0
  const waiting: (() => void)[] = []

  const giveBack = () => {
    const nextInLine = waiting.shift()
    if (nextInLine) nextInLine()
    else running -= 1
  }

  return (req, res, next) => {
    if (!isRespondentRequest(req)) {
      next()
      return
    }
    let held = false
    const start = () => {
      held = true
      const release = () => {
        if (!held) return
        held = false
        giveBack()
      }
      res.once('finish', release)
      res.once('close', release)
      next()
    }
    if (running < limit) {
      running += 1
      start()
      return
    }
    const leaveLine = () => {
      const at = waiting.indexOf(begin)
      if (at >= 0) waiting.splice(at, 1)
    }
    const timer = setTimeout(() => {
      leaveLine()
      req.log.warn(
        { running, waiting: waiting.length },
        'respondent request waited too long for a connection',
      )
      next(new ServiceUnavailableError('Respondent requests are all busy'))
    }, options.waitMs)
    timer.unref()
    // Someone who gave up waiting must not take a turn later.
    res.once('close', () => {
      clearTimeout(timer)
      leaveLine()
    })
    const begin = () => {
      clearTimeout(timer)
      start()
    }
    waiting.push(begin)
  }
}
