import type { Request } from 'express'
import { defaultLanguage, isLanguageCode, type LanguageCode } from '../i18n/languages'
import { applyLanguage } from '../middleware/setUpI18n'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyWordsByLanguage } from '../surveys/words'

/** The languages a survey is answered in: those its definition lists, else every one it has words in. */
export function offeredLanguages(
  definition: Pick<SurveyDefinition, 'languages'>,
  words: SurveyWordsByLanguage,
): LanguageCode[] {
  return definition.languages ?? Object.keys(words).filter(isLanguageCode)
}

/**
 * Keeps a respondent's pages to the survey's languages: the language links offer only those, and a
 * language the survey does not offer (asked for by a link, or kept from another survey) gives English,
 * which every survey has.
 */
export function keepToOfferedLanguages(req: Request, offered: readonly LanguageCode[]): void {
  const res = req.res
  if (!res) return
  if (!offered.includes(req.language)) applyLanguage(req, res, req.i18n, defaultLanguage)
  const links = res.locals.languageLinks as { code: LanguageCode }[] | undefined
  res.locals.languageLinks = (links ?? []).filter((link) => offered.includes(link.code))
}
