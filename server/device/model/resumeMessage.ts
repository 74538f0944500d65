import { formatDateTime } from '../../i18n/formatDate'
import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import type { MailMessage } from '../../mail/mailer'

/** The email with the link to carry on: short sentences, the link on its own line. */
export function resumeMessage(input: {
  to: string
  link: string
  surveyTitle: string
  expiresAt: Date
  language: LanguageCode
  t: Translate
}): MailMessage {
  const { t } = input
  return {
    to: input.to,
    subject: t('device.email.subject', { survey: input.surveyTitle }),
    text: [
      t('device.email.intro', { survey: input.surveyTitle }),
      input.link,
      t('device.email.until', { date: formatDateTime(input.expiresAt, input.language) }),
      t('device.email.private'),
      t('device.email.notYou'),
    ].join('\n\n'),
  }
}
