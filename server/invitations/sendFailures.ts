import { NotifyRefusal } from '../mail/notifyMailer'

interface SmtpErrorShape {
  responseCode?: unknown
  code?: unknown
}

/**
 * A refusal that trying again cannot change: the mail server's 5xx for this address, or Notify's 400
 * (an address it will not send to). Anything else (no connection, 4xx, Notify's 429 or 5xx) is retried.
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (error instanceof NotifyRefusal) return error.status === 400
  const { responseCode } = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600
}

/** A short code for the log: the SMTP reply code or error code, or Notify's status and error name. */
export function refusalCode(error: unknown): string {
  if (error instanceof NotifyRefusal) return `notify-${String(error.status)}-${error.code}`
  const { responseCode, code } = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape
  if (typeof responseCode === 'number') return `smtp-${String(responseCode)}`
  return typeof code === 'string' ? code : 'unknown'
}
