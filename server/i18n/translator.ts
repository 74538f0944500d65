import fs from 'node:fs'
import i18next, { type TFunction } from 'i18next'
import { fromRoot } from '../projectRoot'
import { languages, type LanguageCode } from './languages'

export type Translate = TFunction

export function readLocaleFile(language: string, file: string): Record<string, unknown> {
  const text = fs.readFileSync(fromRoot('locales', language, `${file}.json`), 'utf8')
  return JSON.parse(text) as Record<string, unknown>
}

/** Interface words (locales/<lng>/common.json) for every language, loaded once at start-up. */
export async function createTranslator(): Promise<(language: LanguageCode) => Translate> {
  const instance = i18next.createInstance()
  const resources = Object.fromEntries(
    languages.map(({ code }) => [code, { common: readLocaleFile(code, 'common') }]),
  )
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // EJS escapes on output
    returnNull: false,
  })
  const fixed = new Map(languages.map(({ code }) => [code, instance.getFixedT(code)]))
  return (language) => fixed.get(language) ?? instance.getFixedT('en')
}
