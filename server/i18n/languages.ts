/** The languages Heard speaks. Each name is written in its own language for the language links. */
export const languages = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'cy', name: 'Cymraeg', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
] as const

export type LanguageCode = (typeof languages)[number]['code']
export const defaultLanguage: LanguageCode = 'en'

export const isLanguageCode = (value: unknown): value is LanguageCode =>
  languages.some((language) => language.code === value)

export const directionOf = (code: LanguageCode): 'ltr' | 'rtl' =>
  languages.find((language) => language.code === code)?.dir ?? 'ltr'
