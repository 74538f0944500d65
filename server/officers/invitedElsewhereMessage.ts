import type { Translate } from '../i18n/translator'
import type { MailMessage } from '../mail/mailer'

/** To a person invited by one organisation whose address is already an officer's of another. */
export function invitedElsewhereMessage(options: {
  to: string
  organisationName: string
  t: Translate
}): MailMessage {
  const { t } = options
  return {
    to: options.to,
    subject: t('mail.invitedElsewhere.subject'),
    text: [
      t('mail.invitedElsewhere.tried', { organisation: options.organisationName }),
      '',
      t('mail.invitedElsewhere.unchanged'),
      t('mail.invitedElsewhere.move', { organisation: options.organisationName }),
      '',
      t('mail.invitedElsewhere.ignore'),
    ].join('\n'),
  }
}
