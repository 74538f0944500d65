import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import type { Period } from './types'

const locales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'ur-PK' }

// Making a formatter costs far more than using one, and a scorecard page names hundreds of periods.
const formatters = new Map<string, Intl.DateTimeFormat>()

function monthName(day: string, language: LanguageCode, withYear: boolean): string {
  const key = `${language}/${String(withYear)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], {
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    })
    formatters.set(key, formatter)
  }
  return formatter.format(new Date(`${day}T12:00:00Z`))
}

/** A period in words, as people say it: "October 2026", "October to December 2026", "2026". */
export function periodLabel(period: Period, t: Translate, language: LanguageCode): string {
  if (period.frequency === 'annual') return period.key
  const from = period.start
  const to = period.end
  if (from.slice(0, 7) === to.slice(0, 7)) return monthName(from, language, true)
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  return t('scorecards.periodRange', {
    from: monthName(from, language, !sameYear),
    to: monthName(to, language, true),
  })
}
