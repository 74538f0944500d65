import type { Frequency, Period } from './types'

/** A calendar month as a whole number: year * 12 + month index (0-11). */
type MonthNumber = number

const monthNumber = (year: number, monthIndex: number): MonthNumber => year * 12 + monthIndex
const yearOf = (month: MonthNumber) => Math.floor(month / 12)
const indexOf = (month: MonthNumber) => month % 12
const pad = (value: number) => String(value).padStart(2, '0')

/** YYYY-MM of a month number: the form the facts are counted by. */
const monthKey = (month: MonthNumber): string => `${yearOf(month)}-${pad(indexOf(month) + 1)}`

const firstDay = (month: MonthNumber) => `${monthKey(month)}-01`
function lastDay(month: MonthNumber): string {
  const days = new Date(Date.UTC(yearOf(month), indexOf(month) + 1, 0)).getUTCDate()
  return `${monthKey(month)}-${pad(days)}`
}

/** Terms as schools keep them, to the month: autumn September-December, spring January-March, summer April-August. */
const termStarts = [8, 0, 3] as const

/** The first month of the period of this frequency that holds the month, and how many months it spans. */
function spanOf(frequency: Frequency, month: MonthNumber): { first: MonthNumber; length: number } {
  const year = yearOf(month)
  const index = indexOf(month)
  switch (frequency) {
    case 'monthly':
      return { first: month, length: 1 }
    case 'quarterly':
      return { first: monthNumber(year, index - (index % 3)), length: 3 }
    case 'six-monthly':
      return { first: monthNumber(year, index < 6 ? 0 : 6), length: 6 }
    case 'annual':
      return { first: monthNumber(year, 0), length: 12 }
    case 'termly':
      if (index >= 8) return { first: monthNumber(year, 8), length: 4 }
      if (index < 3) return { first: monthNumber(year, 0), length: 3 }
      return { first: monthNumber(year, 3), length: 5 }
  }
}

/**
 * The key of a period. Terms are numbered within the school year that starts in September, and
 * keyed by the calendar year they fall in, so keys still sort in time order: 2026-T1 is autumn 2026,
 * 2027-T2 spring 2027, 2027-T3 summer 2027.
 */
function keyOf(frequency: Frequency, first: MonthNumber): string {
  const year = yearOf(first)
  const index = indexOf(first)
  switch (frequency) {
    case 'monthly':
      return monthKey(first)
    case 'quarterly':
      return `${year}-Q${index / 3 + 1}`
    case 'six-monthly':
      return `${year}-H${index < 6 ? 1 : 2}`
    case 'annual':
      return String(year)
    case 'termly':
      return `${year}-T${termStarts.indexOf(index as (typeof termStarts)[number]) + 1}`
  }
}

function periodFrom(frequency: Frequency, month: MonthNumber): Period {
  const { first, length } = spanOf(frequency, month)
  return { key: keyOf(frequency, first), frequency, start: firstDay(first), end: lastDay(first + length - 1) }
}

const keyPatterns: Record<Frequency, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  termly: /^(\d{4})-T([1-3])$/,
  'six-monthly': /^(\d{4})-H([12])$/,
  annual: /^(\d{4})$/,
}

function firstMonthOfKey(frequency: Frequency, key: string): MonthNumber | undefined {
  const match = keyPatterns[frequency].exec(key)
  if (!match) return undefined
  const year = Number(match[1])
  const part = Number(match[2] ?? 1)
  if (year < 2000 || year > 2099) return undefined
  switch (frequency) {
    case 'monthly':
      return monthNumber(year, part - 1)
    case 'quarterly':
      return monthNumber(year, (part - 1) * 3)
    case 'six-monthly':
      return monthNumber(year, (part - 1) * 6)
    case 'annual':
      return monthNumber(year, 0)
    case 'termly': {
      const start = termStarts[part - 1] ?? 0
      // T1 (autumn) starts in September of its own year; T2 and T3 in the year they are keyed by.
      return monthNumber(year, start)
    }
  }
}

/** The period a key names, or undefined when it is not a period of this frequency. */
export function parsePeriod(frequency: Frequency, key: string): Period | undefined {
  const first = firstMonthOfKey(frequency, key.trim().toUpperCase())
  return first === undefined ? undefined : periodFrom(frequency, first)
}

/** The period of this frequency holding a day (YYYY-MM-DD). */
export function periodContaining(frequency: Frequency, day: string): Period {
  const [year, month] = day.split('-').map(Number)
  return periodFrom(frequency, monthNumber(year ?? 2000, (month ?? 1) - 1))
}

/** The period just before. */
export function previousPeriod(period: Period): Period {
  const [year, month] = period.start.split('-').map(Number)
  return periodFrom(period.frequency, monthNumber(year ?? 2000, (month ?? 1) - 1) - 1)
}

/** The months a period spans, as YYYY-MM. */
export function monthsOf(period: Period): string[] {
  const [year, month] = period.start.split('-').map(Number)
  const first = monthNumber(year ?? 2000, (month ?? 1) - 1)
  const { length } = spanOf(period.frequency, first)
  return Array.from({ length }, (_, offset) => monthKey(first + offset))
}

/** Up to `count` periods ending with this one, oldest first. */
export function periodsEndingWith(period: Period, count: number): Period[] {
  const periods = [period]
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] ?? period))
  return periods
}
