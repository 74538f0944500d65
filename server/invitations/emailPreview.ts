import { directionOf, isLanguageCode, type LanguageCode } from '../i18n/languages'
import { formatDate } from '../i18n/formatDate'
import type { TranslatorFor } from '../middleware/setUpI18n'
import { wordsFor, type SurveyWordsByLanguage } from '../surveys/words'
import { invitationEmail } from './invitationEmail'

export interface EmailPreview {
  language: LanguageCode
  dir: 'ltr' | 'rtl'
  contacts: number
  subject: string
  paragraphs: string[]
}

/**
 * The invitation as each language's contacts will get it, with the first such contact's name and
 * stand-in links (a real link is made only when the email is sent, and works once).
 */
export function previewEmails(input: {
  languages: { language: string; contacts: number; name: string | null }[]
  words: SurveyWordsByLanguage
  organisationName: string
  closesAt: Date | null
  translatorFor: TranslatorFor
}): EmailPreview[] {
  return input.languages.flatMap(({ language, contacts, name }) => {
    if (!isLanguageCode(language)) return []
    const t = input.translatorFor(language)
    const message = invitationEmail({
      to: '',
      name,
      kind: 'invitation',
      surveyTitle: wordsFor(input.words, language).title,
      organisationName: input.organisationName,
      closesOn: input.closesAt ? formatDate(new Date(input.closesAt.getTime() - 1), language) : undefined,
      link: t('invitations.preview.surveyLink'),
      unsubscribeLink: t('invitations.preview.unsubscribeLink'),
      t,
    })
    return [
      {
        language,
        dir: directionOf(language),
        contacts,
        subject: message.subject,
        paragraphs: message.text.trim().split('\n\n'),
      },
    ]
  })
}
