import type { LanguageCode } from './languages'

const locales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'ur-PK' }

/** Dates and times as people in England and Wales read them, in their language, on London time. */
export function formatDateTime(date: Date, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'Europe/London',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
}

export function formatDate(date: Date, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: 'Europe/London', dateStyle: 'long' }).format(
    date,
  )
}
