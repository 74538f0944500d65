/** A range, in percent: the 95% interval around a percentage. */
export interface Interval {
  lower: number
  upper: number
}

/** A count that may be withheld. When suppressed, `value` is null and nothing derived from it is shown. */
export interface Figure {
  value: number | null
  suppressed: boolean
}
