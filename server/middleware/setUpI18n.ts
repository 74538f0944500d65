import type { Express, Request, Response } from 'express'
import { defaultLanguage, directionOf, isLanguageCode, languages, type LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      language: LanguageCode
      t: Translate
      /** Words in another language, e.g. for a page that edits a survey's Welsh. */
      i18n: TranslatorFor
    }
  }
}

export type TranslatorFor = (language: LanguageCode) => Translate

/** Puts a language's words and direction, and the links to every other language, where views find them. */
export function applyLanguage(
  req: Request,
  res: Response,
  translatorFor: TranslatorFor,
  language: LanguageCode,
): void {
  req.language = language
  req.t = translatorFor(language)
  req.i18n = translatorFor
  res.locals.language = language
  res.locals.dir = directionOf(language)
  res.locals.t = req.t
  res.locals.languageLinks = languages.map(({ code, name }) => ({
    code,
    name,
    current: code === language,
    href: `${req.path}?lang=${code}`,
  }))
}

/** The language comes from a language link (?lang=cy) and is kept in the session from then on. */
export function setUpI18n(app: Express, translatorFor: TranslatorFor): void {
  app.use((req, res, next) => {
    const asked = req.query.lang
    if (isLanguageCode(asked) && req.session.language !== asked) req.session.language = asked
    const kept = req.session.language
    applyLanguage(req, res, translatorFor, isLanguageCode(kept) ? kept : defaultLanguage)
    next()
  })
}
