import type { Translate } from '../i18n/translator'
import type { MailMessage } from '../mail/mailer'

export interface InvitationEmailInput {
  to: string
  name: string | null
  /** 'invitation' or 'reminder-<days>'. */
  kind: string
  surveyTitle: string
  organisationName: string
  /** The closing date in the contact's language, when the survey has one. */
  closesOn: string | undefined
  link: string
  unsubscribeLink: string
  /** The outbox key, so a copy of one email can be recognised. */
  reference?: string
  t: Translate
}

/** The invitation or reminder email in the contact's language (t is that language's). */
export function invitationEmail(input: InvitationEmailInput): MailMessage {
  const { t } = input
  const values = { organisation: input.organisationName, survey: input.surveyTitle }
  const reminder = input.kind !== 'invitation'
  const paragraphs = [
    input.name ? t('invitations.email.helloName', { name: input.name }) : t('invitations.email.hello'),
    t(reminder ? 'invitations.email.reminderIntro' : 'invitations.email.intro', values),
    t('invitations.email.anonymous'),
    `${t('invitations.email.start')}\n${input.link}`,
    t('invitations.email.singleUse'),
    ...(input.closesOn ? [t('invitations.email.closes', { date: input.closesOn })] : []),
    `${t('invitations.email.unsubscribe', values)}\n${input.unsubscribeLink}`,
  ]
  return {
    to: input.to,
    subject: t(reminder ? 'invitations.email.reminderSubject' : 'invitations.email.subject', values),
    text: `${paragraphs.join('\n\n')}\n`,
    unsubscribeUrl: input.unsubscribeLink,
    ...(input.reference ? { reference: input.reference } : {}),
  }
}
