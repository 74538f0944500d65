import cookieParser from 'cookie-parser'
import type { Express, Request, Response } from 'express'
import { defaultLanguage, directionOf, isLanguageCode, languages, type LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import { languageCookieBase, siteCookieName } from '../sessions/cookieNames'

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

const oneYearMs = 365 * 24 * 60 * 60 * 1000

/**
 * The language comes from a language link (?lang=cy) and is kept from then on in a plain cookie, not
 * in a server session, so choosing Welsh on a survey writes nothing to the database.
 */
export function setUpI18n(app: Express, translatorFor: TranslatorFor, options: { secure: boolean }): void {
  const cookieName = siteCookieName(languageCookieBase, options.secure)
  // Cookies are read here already; the parser later in the chain then has nothing left to do.
  app.use(cookieParser())
  app.use((req, res, next) => {
    const asked = req.query.lang
    const cookies = req.cookies as Record<string, unknown> | undefined
    const kept = cookies?.[cookieName]
    if (isLanguageCode(asked) && kept !== asked)
      res.cookie(cookieName, asked, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
        maxAge: oneYearMs,
      })
    const language = isLanguageCode(asked) ? asked : kept
    applyLanguage(req, res, translatorFor, isLanguageCode(language) ? language : defaultLanguage)
    next()
  })
}
