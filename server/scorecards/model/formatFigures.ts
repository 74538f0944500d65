import { formatDate } from '../../i18n/formatDate'
import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import type { Interval } from '../../statistics/types'
import type { Unit } from './types'

const numberLocales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'en-GB' }

const formatters = new Map<string, Intl.NumberFormat>()

/** One decimal place for shares, rates and weeks; counts are whole. Formatters are made once each. */
export function formatNumber(value: number, unit: Unit, language: LanguageCode): string {
  const digits = unit === 'count' ? 0 : 1
  const key = `${language}/${String(digits)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(numberLocales[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formatters.set(key, formatter)
  }
  return formatter.format(value)
}

export const formatValue = (value: number, unit: Unit, t: Translate, language: LanguageCode): string =>
  t(`scorecards.valueIn.${unit}`, { value: formatNumber(value, unit, language) })

export const formatInterval = (interval: Interval, t: Translate, language: LanguageCode): string =>
  t('scorecards.interval', {
    lower: formatNumber(interval.lower, 'percentage', language),
    upper: formatNumber(interval.upper, 'percentage', language),
  })

/** A signed change, so "no change" and "down 3" read the same way in every row. */
export function formatChange(change: number, unit: Unit, language: LanguageCode): string {
  const text = formatNumber(Math.abs(change), unit === 'percentage' ? 'rate' : unit, language)
  if (Number(text) === 0 || change === 0) return text
  return `${change > 0 ? '+' : '−'}${text}`
}

export const formatDay = (day: string, language: LanguageCode): string =>
  formatDate(new Date(`${day}T12:00:00Z`), language)
