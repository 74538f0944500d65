import { formatDate } from '../i18n/formatDate'
import type { LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import type { MailMessage } from '../mail/mailer'
import type { Role } from './roles'

/**
 * The email that invites a person to an organisation's Heard: who invited them, what their role
 * lets them do, how to accept, and until when the link works. After accepting they sign in like
 * any officer, with a new short-lived link each time.
 */
export function invitationMessage(options: {
  to: string
  link: string
  signInPage: string
  inviter: string
  organisationName: string
  role: Role
  validUntil: Date
  t: Translate
  language: LanguageCode
}): MailMessage {
  const { t } = options
  const organisation = options.organisationName
  return {
    to: options.to,
    subject: t('officerInvitation.mail.subject', { organisation }),
    text: [
      t('officerInvitation.mail.invited', { inviter: options.inviter, organisation }),
      '',
      t('officerInvitation.mail.about', { organisation }),
      t('officerInvitation.mail.role', {
        role: t(`roles.${options.role}`),
        can: t(`roles.${options.role}Hint`),
      }),
      '',
      t('officerInvitation.mail.accept'),
      '',
      options.link,
      '',
      t('officerInvitation.mail.expiry', {
        date: formatDate(options.validUntil, options.language),
        inviter: options.inviter,
      }),
      t('officerInvitation.mail.afterwards', { signInPage: options.signInPage }),
      '',
      t('officerInvitation.mail.ignore'),
    ].join('\n'),
  }
}
