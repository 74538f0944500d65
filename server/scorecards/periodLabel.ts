import type { LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import type { Period } from './types'

const locales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'ur-PK' }

const monthName = (day: string, language: LanguageCode, withYear: boolean): string =>
  new Intl.DateTimeFormat(locales[language], {
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))

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
