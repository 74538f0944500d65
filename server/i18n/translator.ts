import fs from 'node:fs'
import i18next, { type TFunction } from 'i18next'
import { fromRoot } from '../projectRoot'
import { languages, type LanguageCode } from './languages'

export type Translate = TFunction

export function readLocaleFile(language: string, file: string): Record<string, unknown> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a locales folder and a language from the closed list of languages
  const text = fs.readFileSync(fromRoot('locales', language, `${file}.json`), 'utf8')
  return JSON.parse(text) as Record<string, unknown>
}

/**
 * The interface files of a language: common.json and one file per capability that has many words of
 * its own (safeguarding.json, privacy.json ...). Survey words (surveys.json) are not interface words.
 */
export function listInterfaceFiles(language: string): string[] {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a locales folder and a language from the closed list of languages
  return fs
    .readdirSync(fromRoot('locales', language))
    .filter((name) => name.endsWith('.json') && name !== 'surveys.json')
    .map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => (a === 'common' ? -1 : b === 'common' ? 1 : a.localeCompare(b)))
}

/** Every interface word of a language as one tree; two files may not define the same top-level key. */
export function readInterfaceWords(language: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const file of listInterfaceFiles(language)) {
    for (const [key, value] of Object.entries(readLocaleFile(language, file))) {
      if (key === '_meta') continue
      if (key in merged) throw new Error(`locales/${language}/${file}.json repeats the top-level key ${key}`)
      merged[key] = value
    }
  }
  return merged
}

/** Interface words (locales/<lng>/ every file but surveys.json) for every language, loaded once at start-up. */
export async function createTranslator(): Promise<(language: LanguageCode) => Translate> {
  const instance = i18next.createInstance()
  const resources = Object.fromEntries(
    languages.map(({ code }) => [code, { common: readInterfaceWords(code) }]),
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
