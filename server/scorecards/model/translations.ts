import { defaultLanguage, type LanguageCode } from '../../i18n/languages'
import type { Scorecard, TextSubject, Translations } from './types'

/** A translation as stored: one subject's text in one language. */
export interface StoredTranslation {
  subject: TextSubject
  subjectId: string
  language: LanguageCode
  text: string
}

export const textKey = (subject: TextSubject, id: string): string => `${subject}:${id}`
export const commentaryId = (indicatorId: string, period: string): string => `${indicatorId}/${period}`

/** Every officer text a scorecard shows, by key, in English. */
export function scorecardTexts(scorecard: Omit<Scorecard, 'translations'>): Map<string, string> {
  const texts = new Map<string, string>()
  for (const group of scorecard.groups) {
    if (group.outcome) texts.set(textKey('outcome', group.outcome.id), group.outcome.statement)
    for (const row of group.rows) {
      texts.set(textKey('indicator', row.indicator.id), row.indicator.wording)
      if (row.commentary !== null)
        texts.set(textKey('commentary', commentaryId(row.indicator.id, row.period.key)), row.commentary)
    }
  }
  for (const entry of scorecard.youSaidWeDid) {
    texts.set(textKey('you-said', entry.id), entry.youSaid)
    texts.set(textKey('we-did', entry.id), entry.weDid)
  }
  return texts
}

/** The stored translations of the texts a scorecard shows, and of nothing else. */
export function translationsOf(
  scorecard: Omit<Scorecard, 'translations'>,
  stored: readonly StoredTranslation[],
): Translations {
  const texts = scorecardTexts(scorecard)
  const translations: Translations = {}
  for (const each of stored) {
    const key = textKey(each.subject, each.subjectId)
    if (!texts.has(key) || each.language === defaultLanguage) continue
    ;(translations[each.language] ??= {})[key] = each.text
  }
  return translations
}

/**
 * An officer's text in the page's language, or in English when nobody has translated it; `lang`
 * is then 'en', for the page to mark the words as English so a screen reader reads them as such.
 */
export interface ShownText {
  text: string
  lang: LanguageCode | undefined
}

export function textIn(
  translations: Translations,
  language: LanguageCode,
  key: string,
  english: string,
): ShownText {
  if (language === defaultLanguage) return { text: english, lang: undefined }
  const translated = translations[language]?.[key]
  return translated === undefined
    ? { text: english, lang: defaultLanguage }
    : { text: translated, lang: undefined }
}
