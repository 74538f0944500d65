import { defaultLanguage, isLanguageCode, type LanguageCode } from '../i18n/languages'

export interface LanguageChoice {
  language: LanguageCode
  /** A language link chose a language the cookie does not hold yet, so the cookie is written. */
  keep: boolean
}

/**
 * Which language a request asks for: a language link's ?lang= first, then the language kept in
 * the cookie, else the default. Every layer that picks a language asks this one function, so a page
 * answered from memory speaks the language the page itself would have.
 */
export function chooseLanguage(asked: unknown, kept: unknown): LanguageChoice {
  if (isLanguageCode(asked)) return { language: asked, keep: kept !== asked }
  return { language: isLanguageCode(kept) ? kept : defaultLanguage, keep: false }
}
