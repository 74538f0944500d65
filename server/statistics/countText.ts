import type { Translate } from '../i18n/translator'
import type { LanguageCode } from '../i18n/languages'
import { formatFigure } from './figureText'
import { isSmall, thresholdFrom } from './threshold'

/** A lone count for people to read, withheld as "fewer than N" when small, as every figure is. */
export function countText(
  count: number,
  options: { setting: number; t: Translate; language: LanguageCode },
): string {
  const threshold = thresholdFrom(options.setting)
  const small = isSmall(count, threshold)
  return formatFigure(
    { value: small ? null : count, suppressed: small },
    threshold,
    options.t,
    options.language,
  )
}
