import type { Translate } from '../i18n/translator'
import type { MailMessage } from '../mail/mailer'
import { signInLinkMinutes } from './signInLinks'

export function signInMessage(options: {
  to: string
  link: string
  organisationName: string
  t: Translate
}): MailMessage {
  const { t } = options
  return {
    to: options.to,
    subject: t('mail.signIn.subject'),
    text: [
      t('mail.signIn.greeting', { organisation: options.organisationName }),
      '',
      options.link,
      '',
      t('mail.signIn.expiry', { minutes: signInLinkMinutes }),
      t('mail.signIn.ignore'),
    ].join('\n'),
  }
}
