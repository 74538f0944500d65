/**
 * Errors that mean "the database cannot serve this now" rather than "this request is wrong" or
 * "the code is wrong": a statement or lock wait ran out of time, no connection was free, or the
 * server is restarting, down or unreachable. Trying again in a minute is the right advice, so the
 * error handler answers 503 with Retry-After instead of 500.
 */
const unavailableCodes = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
])

// Errors pg and PGlite raise with a message only, no code.
const unavailableMessages = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection (is )?(closed|ended)/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /client was closed and is not queryable/i,
  /pglite is closed/i,
  /pglite failed to initiali[sz]e/i,
  /database is closing/i,
  /no space left on device/i,
]

const codeOf = (error: object): string | undefined => {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = codeOf(error)
  // Class 08 is every connection exception; class 53 is insufficient resources (disk full too).
  if (code && (unavailableCodes.has(code) || code.startsWith('08') || code.startsWith('53'))) return true
  const message = (error as { message?: unknown }).message
  if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true
  // pg wraps some failures (an aggregate of connection attempts, a cause chain).
  const cause = (error as { cause?: unknown }).cause
  return cause !== undefined && cause !== error && isDatabaseUnavailable(cause)
}
