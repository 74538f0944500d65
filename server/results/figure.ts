import type { Figure } from '../statistics/types'

/** A count as published: its value, or null and a flag when it must be withheld. */
export const figure = (value: number, suppressed: boolean): Figure => ({
  value: suppressed ? null : value,
  suppressed,
})
