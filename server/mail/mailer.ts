import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { createNotifyMailer } from './notifyMailer'

export interface MailMessage {
  to: string
  subject: string
  text: string
  /** The outbox key of a message sent at most once: Notify's reference, and the SMTP Message-ID. */
  reference?: string
  /** A page that unsubscribes the recipient in one click (List-Unsubscribe, Notify's one-click URL). */
  unsubscribeUrl?: string
}

/** The SMTP message: a stable Message-ID lets a mail system see a message it already has. */
const smtpMessage = (from: string, message: MailMessage) => ({
  from,
  to: message.to,
  subject: message.subject,
  text: message.text,
  ...(message.reference ? { messageId: `<${message.reference}@heard.invalid>` } : {}),
  ...(message.unsubscribeUrl ? { list: { unsubscribe: message.unsubscribeUrl } } : {}),
})

export interface Mailer {
  send(message: MailMessage): Promise<void>
}

/**
 * Sends through SMTP when SMTP_URL is set. Without it (development, the demo) each message is written
 * as an .eml file to the outbox folder, so a newcomer can follow a sign-in link with no mail server at
 * all. The log names the file but never holds the text: emails carry sign-in links, which are as good
 * as a password for 15 minutes, and logs are read by more people, for longer, than an inbox.
 */
export function createMailer(config: Config, logger: Logger): Mailer {
  const { smtpUrl, from, outboxDir, notify } = config.mail
  // GOV.UK Notify, when set, carries every email of the app: sign-in, alerts, invitations.
  if (notify) return createNotifyMailer(notify)
  if (smtpUrl) {
    // A pool keeps a few connections open, so a burst of alert emails does not pay for a new SMTP
    // connection and greeting per message.
    const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 })
    return {
      async send(message) {
        await transport.sendMail(smtpMessage(from, message))
      },
    }
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    async send(message) {
      const built = await writer.sendMail(smtpMessage(from, message))
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the outbox folder is a setting, not input
      fs.mkdirSync(outboxDir, { recursive: true })
      const file = path.join(
        outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`,
      )
      if (!Buffer.isBuffer(built.message)) throw new Error('The outbox writer did not produce a message')
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- a name made here from the time and a UUID
      fs.writeFileSync(file, built.message)
      logger.info({ file, subject: message.subject }, 'email written to outbox')
    },
  }
}
