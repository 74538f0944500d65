import type { LanguageCode } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import type { Figure } from './types'

export const numberLocales: Record<LanguageCode, string> = { en: 'en-GB', cy: 'cy-GB', ur: 'ur-PK' }

/** Percentages are rounded once, here, to one decimal place, for people to read. */
export function formatPercent(value: number, language: LanguageCode): string {
  return `${new Intl.NumberFormat(numberLocales[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)}%`
}

export function formatFigure(value: Figure, threshold: number, t: Translate, language: LanguageCode): string {
  return value.value === null
    ? t('results.fewerThan', { count: threshold })
    : new Intl.NumberFormat(numberLocales[language]).format(value.value)
}
