import type { LanguageCode } from './languages'

const locales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'ur-PK' }

// Making a formatter costs far more than using one (a list of 1,000 alerts spent most of its time
// here), so each language's is made once.
const dateTimeFormats = new Map<LanguageCode, Intl.DateTimeFormat>()

/** Dates and times as people in England and Wales read them, in their language, on London time. */
export function formatDateTime(date: Date, language: LanguageCode): string {
  let format = dateTimeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      timeZone: 'Europe/London',
      dateStyle: 'medium',
      timeStyle: 'short',
    })
    dateTimeFormats.set(language, format)
  }
  return format.format(date)
}

export function formatDate(date: Date, language: LanguageCode): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: 'Europe/London', dateStyle: 'long' }).format(
    date,
  )
}
