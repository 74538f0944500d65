import { formatDateTime } from '../../i18n/formatDate'
import type { Translate } from '../../i18n/translator'
import type { MailMessage } from '../../mail/mailer'
import type { AlertForEmail } from './alertEmailQueries'

/**
 * The email about an alert. It says only that there is one, of which kind, when, and where to sign in
 * to read it: never the young person's words or how to reach them, since email is neither private
 * nor audited. The subject names nothing either, as it shows on lock screens.
 */
export function safeguardingEmail(options: {
  to: string
  reason: 'alert' | 'escalation'
  alert: AlertForEmail
  link: string
  t: Translate
}): MailMessage {
  const { t, alert, reason } = options
  const lines =
    reason === 'escalation'
      ? [
          t('alerts.email.escalationIntro', {
            organisation: alert.organisationName,
            minutes: alert.escalationMinutes,
          }),
        ]
      : [t('alerts.email.intro', { organisation: alert.organisationName })]
  return {
    to: options.to,
    subject: t(reason === 'escalation' ? 'alerts.email.escalationSubject' : 'alerts.email.subject'),
    text: [
      ...lines,
      '',
      t(`alerts.email.kind.${alert.kind}`),
      t('alerts.email.raised', { time: formatDateTime(alert.raisedAt, 'en') }),
      '',
      t('alerts.email.signIn'),
      options.link,
      '',
      t('alerts.email.noDetails'),
    ].join('\n'),
  }
}
