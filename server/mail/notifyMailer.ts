import { NotifyClient } from 'notifications-node-client'
import type { NotifySettings } from '../config'
import type { Mailer } from './mailer'

/** What Notify said when it refused a message, without the address or the words. */
export class NotifyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`GOV.UK Notify refused the email (${String(status)} ${code})`)
    this.name = 'NotifyRefusal'
  }
}

interface NotifyErrorShape {
  response?: { status?: number; data?: { errors?: { error?: string }[] } }
  code?: string
}

/** Notify's answer to a failed request as a status and its error name; a lost connection is status 0. */
function refusalOf(error: unknown): NotifyRefusal {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as NotifyErrorShape
  const status = shape.response?.status ?? 0
  return new NotifyRefusal(status, shape.response?.data?.errors?.[0]?.error ?? shape.code ?? 'unknown')
}

/**
 * Sends every email through GOV.UK Notify with its official client, into one template whose subject
 * is ((subject)) and whose body is ((body)): the words stay Heard's, in each person's language, and
 * Notify only carries them. The reference is the outbox key, so a message can be found in Notify.
 */
export function createNotifyMailer(settings: NotifySettings): Mailer {
  const client = new NotifyClient(settings.baseUrl, settings.apiKey)
  return {
    async send(message) {
      try {
        await client.sendEmail(settings.templateId, message.to, {
          personalisation: { subject: message.subject, body: message.text },
          ...(message.reference ? { reference: message.reference } : {}),
          ...(message.unsubscribeUrl ? { oneClickUnsubscribeURL: message.unsubscribeUrl } : {}),
        })
      } catch (error: unknown) {
        throw refusalOf(error)
      }
    },
  }
}
