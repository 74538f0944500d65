import cookieParser from 'cookie-parser'
import type { Express, Request, Response } from 'express'
import { directionOf, languages, type LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import { languageCookieBase, siteCookieName } from '../sessions/cookieNames'
import { chooseLanguage, type LanguageChoice } from './languageChoice'

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

/** The language cookie, read and written alike by every layer that chooses a language. */
export interface LanguageCookie {
  /** What the request asks for, from ?lang= and the cookie (cookie-parser has read it by then). */
  choose(req: Request): LanguageChoice
  /** Keeps the language a link chose for the visits after this one. */
  keep(res: Response, language: LanguageCode): void
}

/**
 * The language comes from a language link (?lang=cy) and is kept from then on in a plain cookie, not
 * in a server session, so choosing Welsh on a survey writes nothing to the database.
 */
export function languageCookie(options: { secure: boolean }): LanguageCookie {
  const cookieName = siteCookieName(languageCookieBase, options.secure)
  return {
    choose: (req) => {
      const cookies = req.cookies as Record<string, unknown> | undefined
      return chooseLanguage(req.query.lang, cookies?.[cookieName])
    },
    keep: (res, language) => {
      res.cookie(cookieName, language, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
        maxAge: oneYearMs,
      })
    },
  }
}

/** Every request's language, its words and direction, from the language cookie and links. */
export function setUpI18n(app: Express, translatorFor: TranslatorFor, cookie: LanguageCookie): void {
  // Cookies are read here unless a layer in front has read them; later parsers have nothing left to do.
  app.use(cookieParser())
  app.use((req, res, next) => {
    const { language, keep } = cookie.choose(req)
    if (keep) cookie.keep(res, language)
    applyLanguage(req, res, translatorFor, language)
    next()
  })
}
