import type { Translate } from '../i18n/translator'

const pad = (value: number) => String(value).padStart(2, '0')
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Ready-made periods (this and last month, this and last quarter) as from/to days, for one-click filters. */
export function periodPresets(today: string, t: Translate): { text: string; from: string; to: string }[] {
  const [year = 2000, month = 1] = today.split('-').map(Number)
  const monthRange = (y: number, m: number) => ({
    from: `${y}-${pad(m)}-01`,
    to: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}`,
  })
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1
  const quarterRange = (y: number, first: number) => ({
    from: `${y}-${pad(first)}-01`,
    to: `${y}-${pad(first + 2)}-${pad(lastDayOf(y, first + 2))}`,
  })
  const lastMonth = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 }
  const lastQuarter = quarterStart === 1 ? { y: year - 1, first: 10 } : { y: year, first: quarterStart - 3 }
  return [
    { text: t('pages.results.thisMonth'), ...monthRange(year, month) },
    { text: t('pages.results.lastMonth'), ...monthRange(lastMonth.y, lastMonth.m) },
    { text: t('pages.results.thisQuarter'), ...quarterRange(year, quarterStart) },
    { text: t('pages.results.lastQuarter'), ...quarterRange(lastQuarter.y, lastQuarter.first) },
  ]
}
